package org.organizingworkbench.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.stream.StreamSupport;

/**
 * Everything the tool holds about a scope as one JSON document (docs/privacy.md, "The archive"): every
 * {@link PersonalData} part's export, under its key. The same document can be imported into another installation
 * ({@link ArchiveImport}).
 */
@ApplicationScoped
@Transactional
public class PersonalDataArchive {

    public static final String FORMAT = "organizing-workbench/personal-data";
    public static final int VERSION = 1;
    public static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    @Any
    Instance<PersonalData> parts;

    public ObjectNode export(DataScope scope) {
        ObjectNode archive = JSON.createObjectNode();
        archive.put("format", FORMAT);
        archive.put("version", VERSION);
        archive.put("exportedAt", Instant.now().truncatedTo(ChronoUnit.MILLIS).toString());
        ObjectNode about = archive.putObject("scope");
        if (scope instanceof DataScope.Course course) {
            about.put("kind", "course");
            about.put("course", course.courseId());
        } else {
            DataScope.Members members = (DataScope.Members) scope;
            about.put("kind", "person");
            members.members().forEach(m -> about.withArray("memberships").add(m.membershipId()));
        }
        ObjectNode exported = archive.putObject("parts");
        for (PersonalData part : inOrder(parts)) {
            JsonNode json = part.export(scope);
            exported.set(part.part(), json == null ? JSON.createObjectNode() : json);
        }
        return archive;
    }

    /** The parts, people first. */
    static List<PersonalData> inOrder(Instance<PersonalData> parts) {
        return StreamSupport.stream(parts.spliterator(), false)
                .sorted(Comparator.comparingInt(PersonalData::order).thenComparing(PersonalData::part)).toList();
    }
}
