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

    /**
     * One member: their name as written, the name of whoever develops them (blank when no one), and the people
     * beyond the team they develop.
     */
    record Member(String name, String developedBy, List<String> beyond) {
        Member(String name, String developedBy) {
            this(name, developedBy, List.of());
        }
    }

    private static final double RING = 110;
    private static final double NODE_RADIUS = 9;
    private static final double MARGIN = 90;
    /** Wider diagrams are scaled down to the width of a printed page. */
    private static final double MAX_WIDTH = 640;
    private static final double LEGEND_WIDTH = 260;
    private static final double LEGEND_LINE = 22;
    private static final String DASHED = " stroke-dasharray=\"4 3\"";

    private final List<String> names = new ArrayList<>();
    private final Map<String, Integer> index = new LinkedHashMap<>();
    private final Map<Integer, Integer> parent = new LinkedHashMap<>();
    private final Map<Integer, List<Integer>> children = new LinkedHashMap<>();
    private final Map<Integer, Integer> depth = new LinkedHashMap<>();
    private final Map<Integer, double[]> position = new LinkedHashMap<>();
    /** People beyond the team: drawn on the outer rings, smaller, on dashed lines. */
    private final java.util.Set<Integer> outside = new java.util.HashSet<>();

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
        for (Member member : members) {
            Integer coach = index.get(key(member.name()));
            for (String person : member.beyond()) {
                if (coach != null && !person.isBlank() && !index.containsKey(key(person))) {
                    outside.add(names.size());
                    parent.put(names.size(), coach);
                    names.add(person.strip());
                }
            }
        }
    }

    /** Empty when fewer than two members are named: one dot says nothing a sentence would not. */
    static Optional<String> svg(List<Member> members, String id, String title, Wording wording) {
        SnowflakeDiagram diagram = new SnowflakeDiagram(members);
        if (diagram.names.size() - diagram.outside.size() < 2) {
            return Optional.empty();
        }
        diagram.layOut();
        return Optional.of(Svg.accessible(diagram.markup(wording.legend()), id, title, diagram.description(wording)));
    }

    /** The words of the text alternative: who is at the centre, who develops whom. */
    interface Wording {
        String centre(String name);

        String develops(String coach, List<String> members);

        String beyond(String coach, List<String> people);

        /** The legend's three entries: the centre, a team member, a person beyond the team. */
        List<String> legend();
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

    private String markup(List<String> legend) {
        double left = Math.min(position.values().stream().mapToDouble(at -> at[0]).min().orElse(0) - MARGIN, -LEGEND_WIDTH / 2);
        double right = Math.max(position.values().stream().mapToDouble(at -> at[0]).max().orElse(0) + MARGIN, LEGEND_WIDTH / 2);
        double top = position.values().stream().mapToDouble(at -> at[1]).min().orElse(0) - MARGIN / 3;
        double drawingBottom = position.values().stream().mapToDouble(at -> at[1]).max().orElse(0) + MARGIN / 2;
        double bottom = drawingBottom + LEGEND_LINE * legend.size() + 8;
        double scale = Math.min(1, MAX_WIDTH / (right - left));
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"%.0f %.0f %.0f %.0f\""
                        + " font-family=\"DejaVu Sans, sans-serif\" font-size=\"12\">",
                Math.round((right - left) * scale), Math.round((bottom - top) * scale), left, top, right - left, bottom - top));
        svg.append("<g class=\"develops\" stroke=\"#5b6b7b\" stroke-width=\"1.5\">");
        parent.forEach((member, coach) -> {
            double[] from = position.get(coach);
            double[] to = position.get(member);
            svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"%s/>",
                    from[0], from[1], to[0], to[1], outside.contains(member) ? DASHED : ""));
        });
        svg.append("</g><g class=\"members\">");
        for (int member = 0; member < names.size(); member++) {
            double[] at = position.get(member);
            svg.append(node(at[0], at[1], kind(member)));
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" fill=\"%s\">%s</text></g>",
                    at[0], at[1] + NODE_RADIUS * 1.4 + 13, outside.contains(member) ? "#3d4a57" : "#111111",
                    Svg.escape(names.get(member))));
        }
        svg.append("</g><g class=\"legend\">");
        for (int entry = 0; entry < legend.size(); entry++) {
            double y = drawingBottom + LEGEND_LINE * entry + 10;
            svg.append(node(-LEGEND_WIDTH / 2 + 12, y, entry));
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" fill=\"#111111\">%s</text></g>",
                    -LEGEND_WIDTH / 2 + 30, y + 4, Svg.escape(legend.get(entry))));
        }
        return svg.append("</g></svg>").toString();
    }

    /** 0: at the centre, 1: on the team, 2: beyond the team. */
    private int kind(int member) {
        return outside.contains(member) ? 2 : depth.get(member) == 0 ? 0 : 1;
    }

    /** An open group with the node's circle; the caller adds its text and closes the group. */
    private static String node(double x, double y, int kind) {
        double radius = kind == 0 ? NODE_RADIUS * 1.4 : kind == 1 ? NODE_RADIUS : NODE_RADIUS * 0.7;
        return String.format(Locale.ROOT,
                "<g class=\"%s\"><circle cx=\"%.1f\" cy=\"%.1f\" r=\"%.1f\" fill=\"%s\" stroke=\"#1f3a5f\"%s/>",
                kind == 2 ? "beyond" : "member", x, y, radius, kind == 0 ? "#1f3a5f" : "#ffffff", kind == 2 ? DASHED : "");
    }

    private String description(Wording wording) {
        List<String> sentences = new ArrayList<>();
        for (int member = 0; member < names.size(); member++) {
            if (!parent.containsKey(member)) {
                sentences.add(wording.centre(names.get(member)));
            }
        }
        for (int coach = 0; coach < names.size(); coach++) {
            List<String> within = new ArrayList<>();
            List<String> beyond = new ArrayList<>();
            for (int member = 0; member < names.size(); member++) {
                if (Integer.valueOf(coach).equals(parent.get(member))) {
                    (outside.contains(member) ? beyond : within).add(names.get(member));
                }
            }
            if (!within.isEmpty()) {
                sentences.add(wording.develops(names.get(coach), within));
            }
            if (!beyond.isEmpty()) {
                sentences.add(wording.beyond(names.get(coach), beyond));
            }
        }
        return String.join(" ", sentences);
    }
}
