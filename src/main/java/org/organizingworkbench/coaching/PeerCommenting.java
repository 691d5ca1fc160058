package org.organizingworkbench.coaching;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.util.List;

/**
 * The course setting that lets students comment on a classmate's passage where they may already read it; off until
 * the instructor turns it on. Who may comment is {@code AccessPolicy.mayCommentAsPeer}'s answer, not this class's.
 */
@ApplicationScoped
@Transactional
public class PeerCommenting {

    @PersistenceContext(unitName = "workbench")
    EntityManager em;

    public boolean allowed(long courseId) {
        List<?> rows = em.createNativeQuery("SELECT peer_comments FROM course WHERE id = ?1").setParameter(1, courseId)
                .getResultList();
        return !rows.isEmpty() && Feedbacks.bool(rows.get(0));
    }

    /** Turns it on or off; callers have asked the access policy whether the viewer manages the course. */
    public void allow(long courseId, boolean allowed) {
        em.createNativeQuery("UPDATE course SET peer_comments = ?1 WHERE id = ?2").setParameter(1, allowed)
                .setParameter(2, courseId).executeUpdate();
    }
}
