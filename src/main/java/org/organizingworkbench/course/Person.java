package org.organizingworkbench.course;

import org.organizingworkbench.privacy.PersonName;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.LocalDateTime;

/**
 * A user of one platform, identified by the platform's stable subject id (the id_token's sub), with the one name the
 * tool shows (null when the LMS sends none). Nothing else about the person is kept (docs/privacy.md).
 */
@Entity
@Table(name = "person")
public class Person {
    @Id
    private Long id;
    @Column(name = "platform_id")
    private Long platformId;
    private String subject;
    private String name;
    @Column(name = "updated_at")
    private LocalDateTime updatedAt;

    protected Person() {
    }

    public Long id() {
        return id;
    }

    public String subject() {
        return subject;
    }

    /** The name to show: the LMS's, or a neutral label when it sent none ({@link PersonName}). */
    public String name() {
        return PersonName.shown(name, platformId, subject);
    }

    public Long platformId() {
        return platformId;
    }
}
