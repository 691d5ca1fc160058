package org.organizingworkbench.privacy;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Whose data a {@link PersonalData} part is asked about: some members (a person's memberships, in one course or in
 * all of theirs) or a whole course.
 */
public sealed interface DataScope {

    /** One membership: the person in one course. */
    record Member(long membershipId, long personId, long courseId) {
    }

    /** A person's memberships (a student's export, an admin deleting a person). Never empty. */
    record Members(List<Member> members) implements DataScope {
        public Members {
            members = List.copyOf(members);
            if (members.isEmpty()) {
                throw new IllegalArgumentException("a scope of members has at least one");
            }
        }

        /** The membership ids as an SQL list ("12,15"): numbers only, safe to put in a statement. */
        public String membershipIds() {
            return members.stream().map(m -> String.valueOf(m.membershipId())).collect(Collectors.joining(","));
        }

        /** The person ids as an SQL list, each once. */
        public String personIds() {
            return members.stream().map(m -> String.valueOf(m.personId())).distinct().collect(Collectors.joining(","));
        }
    }

    /** Everything of one course (an instructor's export, an admin or the retention period deleting a course). */
    record Course(long courseId) implements DataScope {
    }
}
