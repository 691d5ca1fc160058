package org.organizingworkbench.platform;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import java.time.LocalDateTime;
import java.time.ZoneOffset;

/** One placement of the tool inside a platform (LTI deployment_id): a whole Canvas account, a sub-account, a course. */
@Entity
@Table(name = "deployment")
@NamedQuery(name = "Deployment.byPlatformAndId",
        query = "SELECT d FROM Deployment d WHERE d.platform = :platform AND d.deploymentId = :deploymentId")
@NamedQuery(name = "Deployment.byPlatform",
        query = "SELECT d FROM Deployment d WHERE d.platform = :platform ORDER BY d.status, d.deploymentId")
public class Deployment {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @ManyToOne(optional = false)
    @JoinColumn(name = "platform_id")
    private Platform platform;
    @Column(name = "deployment_id")
    private String deploymentId;
    @Enumerated(EnumType.STRING)
    private DeploymentStatus status;
    private String label;
    @Column(name = "created_at")
    private LocalDateTime createdAt;
    @Column(name = "approved_at")
    private LocalDateTime approvedAt;

    protected Deployment() {
    }

    private Deployment(Platform platform, String deploymentId, DeploymentStatus status) {
        this.platform = platform;
        this.deploymentId = deploymentId;
        this.status = status;
        this.createdAt = LocalDateTime.now(ZoneOffset.UTC);
        if (status == DeploymentStatus.ACTIVE) {
            this.approvedAt = createdAt;
        }
    }

    public static Deployment active(Platform platform, String deploymentId) {
        return new Deployment(platform, deploymentId, DeploymentStatus.ACTIVE);
    }

    public static Deployment pending(Platform platform, String deploymentId) {
        return new Deployment(platform, deploymentId, DeploymentStatus.PENDING);
    }

    public void approve() {
        if (status != DeploymentStatus.ACTIVE) {
            status = DeploymentStatus.ACTIVE;
            approvedAt = LocalDateTime.now(ZoneOffset.UTC);
        }
    }

    /** Stops launches; nothing of the deployment's courses is deleted. */
    public void disable() {
        status = DeploymentStatus.DISABLED;
    }

    public boolean isActive() {
        return status == DeploymentStatus.ACTIVE;
    }

    public Long id() {
        return id;
    }

    public Platform platform() {
        return platform;
    }

    public String deploymentId() {
        return deploymentId;
    }

    public DeploymentStatus status() {
        return status;
    }

    public LocalDateTime createdAt() {
        return createdAt;
    }
}
