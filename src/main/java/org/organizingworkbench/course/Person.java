package org.organizingworkbench.course;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.LocalDateTime;

/** A user of one platform, identified by the platform's stable subject id (the id_token's sub). */
@Entity
@Table(name = "person")
public class Person {
    @Id
    private Long id;
    @Column(name = "platform_id")
    private Long platformId;
    private String subject;
    private String name;
    @Column(name = "given_name")
    private String givenName;
    @Column(name = "family_name")
    private String familyName;
    private String email;
    private String locale;
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

    public String name() {
        return name;
    }

    public String email() {
        return email;
    }
}
