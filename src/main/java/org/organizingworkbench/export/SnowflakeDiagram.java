package org.organizingworkbench.export;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The leadership team as a snowflake: the members nobody on the team develops sit at the centre, and each member
 * sits on the ring outside the one who develops them, in a radial tree. Drawn by hand (a few circles and lines)
 * because chart libraries have no tree layout; the team's table stays the text version of the same data.
 */
final class SnowflakeDiagram {

    /** One member: their name as written, and the name of whoever develops them (blank when no one). */
    record Member(String name, String developedBy) {
    }

    private static final double RING = 110;
    private static final double NODE_RADIUS = 9;
    private static final double MARGIN = 90;
    /** Wider diagrams are scaled down to the width of a printed page. */
    private static final double MAX_WIDTH = 640;

    private final List<String> names = new ArrayList<>();
    private final Map<String, Integer> index = new LinkedHashMap<>();
    private final Map<Integer, Integer> parent = new LinkedHashMap<>();
    private final Map<Integer, List<Integer>> children = new LinkedHashMap<>();
    private final Map<Integer, Integer> depth = new LinkedHashMap<>();
    private final Map<Integer, double[]> position = new LinkedHashMap<>();

    private SnowflakeDiagram(List<Member> members) {
        for (Member member : members) {
            if (!member.name().isBlank() && index.putIfAbsent(key(member.name()), names.size()) == null) {
                names.add(member.name().strip());
            }
        }
        for (Member member : members) {
            Integer child = index.get(key(member.name()));
            Integer coach = index.get(key(member.developedBy()));
            if (child != null && coach != null && !coach.equals(child)) {
                parent.putIfAbsent(child, coach);
            }
        }
    }

    /** Empty when fewer than two members are named: one dot says nothing a sentence would not. */
    static Optional<String> svg(List<Member> members, String id, String title, Wording wording) {
        SnowflakeDiagram diagram = new SnowflakeDiagram(members);
        if (diagram.names.size() < 2) {
            return Optional.empty();
        }
        diagram.layOut();
        return Optional.of(Svg.accessible(diagram.markup(), id, title, diagram.description(wording)));
    }

    /** The words of the text alternative: who is at the centre, who develops whom. */
    interface Wording {
        String centre(String name);

        String develops(String coach, List<String> members);
    }

    private static String key(String name) {
        return name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
    }

    /**
     * Builds the tree breadth-first from the members nobody develops. Members left over are in a loop of links
     * (A develops B develops A): the first of them becomes a centre, which breaks the loop, and so on.
     */
    private void layOut() {
        List<Integer> roots = new ArrayList<>();
        for (int member = 0; member < names.size(); member++) {
            if (!parent.containsKey(member)) {
                roots.add(member);
            }
        }
        for (int root : roots) {
            visit(root);
        }
        for (int member = 0; member < names.size(); member++) {
            if (!depth.containsKey(member)) {
                roots.add(member);
                visit(member);
            }
        }
        int rootDepth = roots.size() == 1 ? 0 : 1;
        double[] nextLeaf = {0};
        int leaves = (int) depth.keySet().stream().filter(m -> children.getOrDefault(m, List.of()).isEmpty()).count();
        for (int root : roots) {
            place(root, rootDepth, nextLeaf, leaves);
        }
    }

    private void visit(int root) {
        Deque<Integer> queue = new ArrayDeque<>(List.of(root));
        depth.put(root, 0);
        while (!queue.isEmpty()) {
            int coach = queue.removeFirst();
            for (int member = 0; member < names.size(); member++) {
                if (Integer.valueOf(coach).equals(parent.get(member)) && !depth.containsKey(member)) {
                    depth.put(member, depth.get(coach) + 1);
                    children.computeIfAbsent(coach, c -> new ArrayList<>()).add(member);
                    queue.addLast(member);
                }
            }
        }
    }

    /** Each leaf gets an equal slice of the circle; a coach sits at the middle of its members' slices. */
    private double place(int member, int ring, double[] nextLeaf, int leaves) {
        List<Integer> team = children.getOrDefault(member, List.of());
        double angle;
        if (team.isEmpty()) {
            angle = 2 * Math.PI * nextLeaf[0]++ / leaves;
        } else {
            double first = place(team.get(0), ring + 1, nextLeaf, leaves);
            double last = first;
            for (int i = 1; i < team.size(); i++) {
                last = place(team.get(i), ring + 1, nextLeaf, leaves);
            }
            angle = (first + last) / 2;
        }
        position.put(member, new double[]{ring * RING * Math.cos(angle - Math.PI / 2),
                ring * RING * Math.sin(angle - Math.PI / 2), angle});
        return angle;
    }

    private String markup() {
        double left = position.values().stream().mapToDouble(at -> at[0]).min().orElse(0) - MARGIN;
        double right = position.values().stream().mapToDouble(at -> at[0]).max().orElse(0) + MARGIN;
        double top = position.values().stream().mapToDouble(at -> at[1]).min().orElse(0) - MARGIN / 3;
        double bottom = position.values().stream().mapToDouble(at -> at[1]).max().orElse(0) + MARGIN / 2;
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"%.0f %.0f %.0f %.0f\""
                        + " font-family=\"DejaVu Sans, sans-serif\" font-size=\"12\">",
                Math.round(Math.min(right - left, MAX_WIDTH)), Math.round((bottom - top) * Math.min(1, MAX_WIDTH / (right - left))),
                left, top, right - left, bottom - top));
        svg.append("<g class=\"develops\" stroke=\"#5b6b7b\" stroke-width=\"1.5\">");
        parent.forEach((member, coach) -> {
            double[] from = position.get(coach);
            double[] to = position.get(member);
            svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/>",
                    from[0], from[1], to[0], to[1]));
        });
        svg.append("</g><g class=\"members\">");
        for (int member = 0; member < names.size(); member++) {
            double[] at = position.get(member);
            boolean centre = depth.get(member) == 0;
            svg.append(String.format(Locale.ROOT,
                    "<g class=\"member\"><circle cx=\"%.1f\" cy=\"%.1f\" r=\"%.0f\" fill=\"%s\" stroke=\"#1f3a5f\"/>",
                    at[0], at[1], centre ? NODE_RADIUS * 1.4 : NODE_RADIUS, centre ? "#1f3a5f" : "#ffffff"));
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" fill=\"#111111\">%s</text></g>",
                    at[0], at[1] + NODE_RADIUS * 1.4 + 13, Svg.escape(names.get(member))));
        }
        return svg.append("</g></svg>").toString();
    }

    private String description(Wording wording) {
        List<String> sentences = new ArrayList<>();
        for (int member = 0; member < names.size(); member++) {
            if (!parent.containsKey(member)) {
                sentences.add(wording.centre(names.get(member)));
            }
        }
        for (int coach = 0; coach < names.size(); coach++) {
            List<String> team = new ArrayList<>();
            for (int member = 0; member < names.size(); member++) {
                if (Integer.valueOf(coach).equals(parent.get(member))) {
                    team.add(names.get(member));
                }
            }
            if (!team.isEmpty()) {
                sentences.add(wording.develops(names.get(coach), team));
            }
        }
        return String.join(" ", sentences);
    }
}
