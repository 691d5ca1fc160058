package org.organizingworkbench.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * Brings an archive ({@link PersonalDataArchive}, from this installation or another) into a course here, in one
 * transaction: the people part matches each person by platform subject (or the admin's mapping) and gives them a
 * membership; every other part then adds its records for the mapped members.
 */
@ApplicationScoped
@Transactional
public class ArchiveImport {

    private static final Logger LOG = Logger.getLogger(ArchiveImport.class.getName());

    @PersistenceContext(unitName = "workbench")
    EntityManager em;

    @Inject
    @Any
    Instance<PersonalData> parts;

    /**
     * @param subjects the admin's mapping: archived subject → subject on the target course's platform
     * @return records added, by part
     * @throws InvalidArchiveException when the document is not an archive of this format and version, or the
     *                                 course does not exist
     */
    public Map<String, Integer> into(long courseId, JsonNode archive, Map<String, String> subjects) {
        if (archive == null || !PersonalDataArchive.FORMAT.equals(archive.path("format").asText())
                || !archive.path("parts").isObject()) {
            throw new InvalidArchiveException("format");
        }
        if (archive.path("version").asInt(0) < 1 || archive.path("version").asInt() > PersonalDataArchive.VERSION) {
            throw new InvalidArchiveException("version");
        }
        List<?> platform = em.createNativeQuery("SELECT d.platform_id FROM course c JOIN deployment d"
                + " ON d.id = c.deployment_id WHERE c.id = ?1").setParameter(1, courseId).getResultList();
        if (platform.isEmpty()) {
            throw new InvalidArchiveException("course");
        }
        ImportTarget target = new ImportTarget(courseId, ((Number) platform.get(0)).longValue(), subjects);
        Map<String, Integer> added = new LinkedHashMap<>();
        for (PersonalData part : PersonalDataArchive.inOrder(parts)) {
            JsonNode json = archive.path("parts").get(part.part());
            if (json != null && !json.isNull()) {
                added.put(part.part(), part.importPart(json, target));
            }
        }
        LOG.info(() -> "Imported an archive into course " + courseId + ": " + added);
        return added;
    }
}
