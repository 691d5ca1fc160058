package org.organizingworkbench.launch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.organizingworkbench.privacy.DataScope;
import org.organizingworkbench.privacy.PersonalData;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The "launch" part of personal data: logins waiting for their launch keep the LMS's login hint (often the user's id)
 * for at most WORKBENCH_LOGIN_STATE_MINUTES plus an hour. Nothing of it is worth exporting; a deletion removes the
 * person's logins and every used or expired one. Session tokens are not stored: they expire on their own
 * (WORKBENCH_SESSION_MINUTES).
 */
@ApplicationScoped
@Transactional
public class LoginStateData implements PersonalData {

    private static final ObjectMapper JSON = new ObjectMapper();

    @PersistenceContext(unitName = "workbench")
    EntityManager em;

    @Override
    public String part() {
        return "launch";
    }

    @Override
    public JsonNode export(DataScope scope) {
        return JSON.createObjectNode();
    }

    @Override
    public Map<String, Long> count(DataScope scope) {
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("logins", scope instanceof DataScope.Members members ? (long) subjects(members).stream()
                .mapToInt(s -> ((Number) em.createNativeQuery("SELECT COUNT(*) FROM login_state WHERE platform_id = ?1"
                                + " AND (login_hint = ?2 OR message_hint LIKE ?3)").setParameter(1, s[0])
                        .setParameter(2, s[1]).setParameter(3, "%" + likeEscaped((String) s[1]) + "%")
                        .getSingleResult()).intValue()).sum() : 0L);
        return counts;
    }

    @Override
    public void erase(DataScope scope) {
        if (scope instanceof DataScope.Members members) {
            for (Object[] s : subjects(members)) {
                em.createNativeQuery("DELETE FROM login_state WHERE platform_id = ?1 AND (login_hint = ?2"
                                + " OR message_hint LIKE ?3)").setParameter(1, s[0]).setParameter(2, s[1])
                        .setParameter(3, "%" + likeEscaped((String) s[1]) + "%").executeUpdate();
            }
        }
        em.createNativeQuery("DELETE FROM login_state WHERE consumed_at IS NOT NULL OR expires_at < ?1")
                .setParameter(1, LocalDateTime.now(ZoneOffset.UTC)).executeUpdate();
    }

    private List<Object[]> subjects(DataScope.Members members) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT platform_id, subject FROM person WHERE id IN ("
                + members.personIds() + ")").getResultList();
        return rows;
    }

    private static String likeEscaped(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
