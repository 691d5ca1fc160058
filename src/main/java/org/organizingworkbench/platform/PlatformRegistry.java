package org.organizingworkbench.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.Optional;

/** The registered platforms and their deployments: who may launch the tool. */
@ApplicationScoped
@Transactional
public class PlatformRegistry {

    @PersistenceContext(unitName = "workbench")
    EntityManager em;

    @Inject
    Event<PlatformsChanged> changed;

    public Optional<Platform> find(String issuer, String clientId) {
        return em.createNamedQuery("Platform.byIssuerAndClient", Platform.class)
                .setParameter("issuer", issuer).setParameter("clientId", clientId)
                .getResultStream().findFirst();
    }

    public List<Platform> withIssuer(String issuer) {
        return em.createNamedQuery("Platform.byIssuer", Platform.class).setParameter("issuer", issuer).getResultList();
    }

    public Optional<Platform> byId(long id) {
        return Optional.ofNullable(em.find(Platform.class, id));
    }

    public Optional<Deployment> deploymentById(long deploymentRowId) {
        return Optional.ofNullable(em.find(Deployment.class, deploymentRowId));
    }

    public List<Platform> all() {
        return em.createNamedQuery("Platform.all", Platform.class).getResultList();
    }

    public List<Deployment> deployments(Platform platform) {
        return em.createNamedQuery("Deployment.byPlatform", Deployment.class)
                .setParameter("platform", platform).getResultList();
    }

    public Optional<Deployment> deployment(Platform platform, String deploymentId) {
        return em.createNamedQuery("Deployment.byPlatformAndId", Deployment.class)
                .setParameter("platform", platform).setParameter("deploymentId", deploymentId)
                .getResultStream().findFirst();
    }

    /**
     * Adds the platform, or updates its endpoints if (issuer, client_id) is known; its deployments become active.
     * This is the administrator (admin page) or the operator (platforms file) speaking, so the platform is active
     * afterwards, even if it had registered itself and was waiting for approval.
     */
    public Platform register(PlatformRegistration registration) {
        requireValid(registration);
        Platform platform = find(registration.issuer(), registration.clientId()).orElse(null);
        if (platform == null) {
            platform = new Platform(registration);
            em.persist(platform);
        } else {
            platform.update(registration);
            platform.approve();
        }
        activateDeployments(platform, registration);
        em.flush();
        changed.fire(new PlatformsChanged());
        return platform;
    }

    /** What a platform's own registration (LTI Dynamic Registration) led to. */
    public record SelfRegistration(Platform platform, boolean alreadyRegistered) {
    }

    /**
     * A platform that registered itself (LTI Dynamic Registration), added with the given status. It never changes
     * an existing registration: the same (issuer, client_id) with the same endpoints is the same registration again
     * (a repeated request, Moodle's update of a tool) and only gains the deployments named; with other endpoints
     * it is refused, since whoever can answer for an issuer's URL could otherwise swap its keys.
     *
     * @throws RegistrationConflictException when the pair is registered with other endpoints
     */
    public SelfRegistration registerSelf(PlatformRegistration registration, PlatformStatus status) {
        requireValid(registration);
        Platform existing = find(registration.issuer(), registration.clientId()).orElse(null);
        if (existing != null) {
            if (!existing.hasEndpointsOf(registration)) {
                throw new RegistrationConflictException(registration.issuer(), registration.clientId());
            }
            activateDeployments(existing, registration);
            em.flush();
            return new SelfRegistration(existing, true);
        }
        Platform platform = new Platform(registration, status);
        em.persist(platform);
        activateDeployments(platform, registration);
        em.flush();
        changed.fire(new PlatformsChanged());
        return new SelfRegistration(platform, false);
    }

    public void approvePlatform(long platformId) {
        Platform platform = em.find(Platform.class, platformId);
        if (platform != null) {
            platform.approve();
            changed.fire(new PlatformsChanged());
        }
    }

    /** Removes a platform that registered itself and is still waiting; an approved platform is never removed here. */
    public boolean rejectPending(long platformId) {
        Platform platform = em.find(Platform.class, platformId);
        if (platform == null || platform.isActive()) {
            return false;
        }
        em.remove(platform);
        changed.fire(new PlatformsChanged());
        return true;
    }

    private static void requireValid(PlatformRegistration registration) {
        List<String> problems = registration.problems();
        if (!problems.isEmpty()) {
            throw new InvalidRegistrationException(problems);
        }
    }

    private void activateDeployments(Platform platform, PlatformRegistration registration) {
        for (String deploymentId : registration.deploymentIds()) {
            deployment(platform, deploymentId).ifPresentOrElse(Deployment::approve,
                    () -> em.persist(Deployment.active(platform, deploymentId)));
        }
    }

    /** A deployment seen for the first time at a launch, waiting for the admin. Idempotent. */
    public Deployment recordPending(Platform platform, String deploymentId) {
        return deployment(platform, deploymentId).orElseGet(() -> {
            Deployment pending = Deployment.pending(em.merge(platform), deploymentId);
            em.persist(pending);
            return pending;
        });
    }

    public void approve(long deploymentRowId) {
        Deployment deployment = em.find(Deployment.class, deploymentRowId);
        if (deployment != null) {
            deployment.approve();
        }
    }

    /**
     * Stops the deployment's launches and keeps all its data (courses, people, workbooks, grades, pending
     * deliveries). {@link #approve} enables it again, and its launches find the same courses.
     */
    public void disable(long deploymentRowId) {
        Deployment deployment = em.find(Deployment.class, deploymentRowId);
        if (deployment != null) {
            deployment.disable();
        }
    }

    /**
     * Removes a deployment that no course of the tool belongs to. Students' work is deleted only on purpose (an admin
     * deleting the course or a person, docs/privacy.md), never as a side effect of this.
     *
     * @return false, and nothing removed, when courses still belong to it
     */
    public boolean removeDeployment(long deploymentRowId) {
        Deployment deployment = em.find(Deployment.class, deploymentRowId);
        if (deployment == null) {
            return true;
        }
        // course.deployment_id refuses the delete too (V17); asking first keeps the transaction usable
        long courses = ((Number) em.createNativeQuery("SELECT COUNT(*) FROM course WHERE deployment_id = ?1")
                .setParameter(1, deploymentRowId).getSingleResult()).longValue();
        if (courses > 0) {
            return false;
        }
        em.remove(deployment);
        return true;
    }
}
