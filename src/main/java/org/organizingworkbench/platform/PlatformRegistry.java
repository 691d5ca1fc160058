package org.organizingworkbench.platform;

import jakarta.enterprise.context.ApplicationScoped;
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

    /** Adds the platform, or updates its endpoints if (issuer, client_id) is known; its deployments become active. */
    public Platform register(PlatformRegistration registration) {
        List<String> problems = registration.problems();
        if (!problems.isEmpty()) {
            throw new InvalidRegistrationException(problems);
        }
        Platform platform = find(registration.issuer(), registration.clientId()).orElse(null);
        if (platform == null) {
            platform = new Platform(registration);
            em.persist(platform);
        } else {
            platform.update(registration);
        }
        for (String deploymentId : registration.deploymentIds()) {
            Platform owner = platform;
            deployment(platform, deploymentId).ifPresentOrElse(Deployment::approve,
                    () -> em.persist(Deployment.active(owner, deploymentId)));
        }
        em.flush();
        return platform;
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

    public void removeDeployment(long deploymentRowId) {
        Deployment deployment = em.find(Deployment.class, deploymentRowId);
        if (deployment != null) {
            em.remove(deployment);
        }
    }
}
