package org.organizingworkbench.emulator;

import com.nimbusds.jose.util.JSONObjectUtils;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The emulator's course: read from {@code emulator/demo-course.json} (an instructor, two Teaching Fellows, ten
 * students, and the two sections the tool is given on first launch, see {@link DemoSections}), plus synthetic
 * courses for benchmarks and tests: login hint {@code bench-C-U} is learner U of course C, {@code bench-C-instructor}
 * its instructor and {@code bench-C-taN} a Teaching Fellow.
 */
public record DemoCourse(PlatformFlavour flavour, String contextId, String label, String title, String linkId,
                         String linkTitle, List<Member> members, List<PlannedSection> sections) {

    /**
     * A person of the emulated LMS. role is INSTRUCTOR, TEACHING_ASSISTANT, NON_EDITING_TEACHER (a Moodle role: an
     * Instructor at launch, a Learner in Names and Roles) or LEARNER.
     */
    public record Member(String id, String givenName, String familyName, String email, String role, String locale) {
        public String name() {
            return givenName + " " + familyName;
        }
    }

    /** A section of the demo course and its members by LTI user id. */
    public record PlannedSection(String name, List<String> memberIds) {
    }

    /** The Moodle-flavoured demo course. */
    static DemoCourse load() {
        return load(PlatformFlavour.MOODLE);
    }

    /**
     * The demo course as the flavour's LMS has it: the Canvas course has its own context and leaves out members
     * marked {@code "only": "moodle"} (the non-editing teacher, a role Canvas does not have).
     */
    @SuppressWarnings("unchecked")
    static DemoCourse load(PlatformFlavour flavour) {
        try (InputStream in = DemoCourse.class.getClassLoader().getResourceAsStream("emulator/demo-course.json")) {
            Map<String, Object> root = JSONObjectUtils.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            Map<String, Object> context = (Map<String, Object>) (flavour == PlatformFlavour.MOODLE ? root.get("context")
                    : ((Map<String, Object>) root.get(flavour.productFamily())).get("context"));
            Map<String, Object> link = (Map<String, Object>) root.get("resourceLink");
            List<Member> members = ((List<Map<String, Object>>) root.get("members")).stream()
                    .filter(m -> m.get("only") == null || flavour.productFamily().equals(m.get("only")))
                    .map(m -> new Member((String) m.get("id"), (String) m.get("given"), (String) m.get("family"),
                            (String) m.get("email"), (String) m.get("role"), (String) m.get("locale")))
                    .toList();
            List<PlannedSection> sections = ((List<Map<String, Object>>) root.getOrDefault("sections", List.of())).stream()
                    .map(s -> new PlannedSection((String) s.get("name"), ((List<Object>) s.get("members")).stream()
                            .map(String::valueOf).toList()))
                    .toList();
            return new DemoCourse(flavour, (String) context.get("id"), (String) context.get("label"),
                    (String) context.get("title"), (String) link.get("id"), (String) link.get("title"), members, sections);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ParseException e) {
            throw new IllegalStateException("emulator/demo-course.json is not valid JSON", e);
        }
    }

    /** The members who grade (staff), for the gradebook's "open submission as". */
    List<Member> staff() {
        return members.stream().filter(m -> !PlatformFlavour.gradable(m.role())).toList();
    }

    List<Member> learners() {
        return members.stream().filter(m -> PlatformFlavour.gradable(m.role())).toList();
    }

    private static final Map<String, String> BENCH_TITLES = Map.of("INSTRUCTOR", "Instructor ",
            "TEACHING_ASSISTANT", "Fellow ", "LEARNER", "Learner ");

    Optional<Member> member(String id) {
        return members.stream().filter(m -> m.id().equals(id)).findFirst();
    }

    /** The course a login hint belongs to: this one, or a synthetic benchmark course. */
    static Optional<DemoCourse> benchCourseFor(String loginHint) {
        String[] parts = loginHint.split("-");
        if (parts.length != 3 || !"bench".equals(parts[0])) {
            return Optional.empty();
        }
        String course = parts[1];
        String user = parts[2];
        String role = "instructor".equals(user) ? "INSTRUCTOR" : user.matches("ta\\d+") ? "TEACHING_ASSISTANT" : "LEARNER";
        Member member = new Member(loginHint, "Bench", BENCH_TITLES.get(role) + course
                + "." + user, "bench." + course + "." + user + "@bench.example", role, "en");
        return Optional.of(new DemoCourse(PlatformFlavour.MOODLE, "bench-course-" + course, "BENCH-" + course, "Benchmark course " + course,
                "bench-link-" + course, "Benchmark activity", List.of(member), List.of()));
    }

    /**
     * The roster of a synthetic benchmark course: course {@code rN} has N learners and its instructor, so
     * "time to sync a 2,000-member roster" can be measured against course r2000.
     */
    static Optional<List<Member>> benchRoster(String contextId) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("bench-course-(r(\\d{1,5}))").matcher(contextId);
        if (!m.matches()) {
            return Optional.empty();
        }
        String course = m.group(1);
        int size = Integer.parseInt(m.group(2));
        List<Member> members = new java.util.ArrayList<>();
        members.add(benchCourseFor("bench-" + course + "-instructor").orElseThrow().members().get(0));
        for (int i = 1; i <= size; i++) {
            members.add(new Member("bench-" + course + "-u" + i, "Bench", "Learner " + course + ".u" + i,
                    "bench." + course + ".u" + i + "@bench.example", "LEARNER", "en"));
        }
        return Optional.of(members);
    }
}
