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
 * students), plus synthetic courses for benchmarks: login hint {@code bench-C-U} is learner U of course C.
 */
public record DemoCourse(String contextId, String label, String title, String linkId, String linkTitle, List<Member> members) {

    /** A person of the emulated LMS. role is INSTRUCTOR, TEACHING_ASSISTANT or LEARNER. */
    public record Member(String id, String givenName, String familyName, String email, String role, String locale) {
        public String name() {
            return givenName + " " + familyName;
        }
    }

    @SuppressWarnings("unchecked")
    static DemoCourse load() {
        try (InputStream in = DemoCourse.class.getClassLoader().getResourceAsStream("emulator/demo-course.json")) {
            Map<String, Object> root = JSONObjectUtils.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            Map<String, Object> context = (Map<String, Object>) root.get("context");
            Map<String, Object> link = (Map<String, Object>) root.get("resourceLink");
            List<Member> members = ((List<Map<String, Object>>) root.get("members")).stream()
                    .map(m -> new Member((String) m.get("id"), (String) m.get("given"), (String) m.get("family"),
                            (String) m.get("email"), (String) m.get("role"), (String) m.get("locale")))
                    .toList();
            return new DemoCourse((String) context.get("id"), (String) context.get("label"), (String) context.get("title"),
                    (String) link.get("id"), (String) link.get("title"), members);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ParseException e) {
            throw new IllegalStateException("emulator/demo-course.json is not valid JSON", e);
        }
    }

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
        Member learner = new Member(loginHint, "Bench", "Learner " + course + "." + user,
                "bench." + course + "." + user + "@bench.example", "LEARNER", "en");
        return Optional.of(new DemoCourse("bench-course-" + course, "BENCH-" + course, "Benchmark course " + course,
                "bench-link-" + course, "Benchmark activity", List.of(learner)));
    }
}
