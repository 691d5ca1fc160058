package org.organizingworkbench.course;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.LocalDateTime;
import java.util.Optional;

/** A course in the LMS (an LTI context), within one deployment. */
@Entity
@Table(name = "course")
public class Course {
    @Id
    private Long id;
    @Column(name = "deployment_id")
    private Long deploymentRowId;
    @Column(name = "context_id")
    private String contextId;
    private String title;
    private String label;
    @Column(name = "updated_at")
    private LocalDateTime updatedAt;
    @Column(name = "nrps_url")
    private String membershipsUrl;
    @Column(name = "ags_lineitems_url")
    private String lineItemsUrl;
    @Column(name = "roster_synced_at")
    private LocalDateTime rosterSyncedAt;
    @Column(name = "roster_sync_status")
    private String rosterSyncStatus;
    @Column(name = "roster_sync_detail")
    private String rosterSyncDetail;
    @Column(name = "roster_sync_started_at")
    private LocalDateTime rosterSyncStartedAt;
    @Column(name = "roster_sync_pages")
    private int rosterSyncPages;
    @Column(name = "roster_sync_members")
    private int rosterSyncMembers;

    protected Course() {
    }

    /** Records how a roster sync ended: OK with a summary, or FAILED with the reason. */
    void rosterSynced(boolean ok, String detail, LocalDateTime at) {
        rosterSyncStatus = ok ? "OK" : "FAILED";
        rosterSyncDetail = detail == null || detail.length() <= 1000 ? detail : detail.substring(0, 1000);
        if (ok) {
            rosterSyncedAt = at;
        }
    }

    public Long deploymentRowId() {
        return deploymentRowId;
    }

    public Optional<String> membershipsUrl() {
        return Optional.ofNullable(membershipsUrl);
    }

    public Optional<String> lineItemsUrl() {
        return Optional.ofNullable(lineItemsUrl);
    }

    public LocalDateTime rosterSyncedAt() {
        return rosterSyncedAt;
    }

    /** Whether a roster sync runs now (started and not ended). */
    public boolean rosterSyncRunning() {
        return rosterSyncStartedAt != null;
    }

    /** Pages of the roster read by the running (or last) sync. */
    public int rosterSyncPages() {
        return rosterSyncPages;
    }

    /** Members read so far by the running (or last) sync. */
    public int rosterSyncMembers() {
        return rosterSyncMembers;
    }

    public String rosterSyncStatus() {
        return rosterSyncStatus;
    }

    public String rosterSyncDetail() {
        return rosterSyncDetail;
    }

    public Long id() {
        return id;
    }

    public String contextId() {
        return contextId;
    }

    public String title() {
        return title;
    }

    public String label() {
        return label;
    }
}
