package org.organizingworkbench.emulator;

import jakarta.enterprise.context.ApplicationScoped;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The emulator's gradebook (AGS 2.0): line items per course and the latest score per user, kept in memory.
 * Scores must carry a timestamp later than the user's previous one, as Moodle and Canvas require.
 */
@ApplicationScoped
public class Gradebook {

    /** A gradebook column. */
    public record LineItem(long id, String context, String label, double scoreMaximum, String resourceId,
                           String resourceLinkId, String tag) {
    }

    /** The latest score of one user in one line item. */
    public record Score(String userId, Double scoreGiven, Double scoreMaximum, String comment,
                        OffsetDateTime timestamp, String activityProgress, String gradingProgress) {
    }

    private final AtomicLong ids = new AtomicLong();
    private final Map<Long, LineItem> items = new ConcurrentHashMap<>();
    private final Map<Long, Map<String, Score>> scores = new ConcurrentHashMap<>();
    private final Map<Long, Map<String, Integer>> accepted = new ConcurrentHashMap<>();
    private final Map<Long, Map<String, java.util.Set<List<Object>>>> acceptedValues = new ConcurrentHashMap<>();
    private final Map<Long, Map<String, Integer>> repeats = new ConcurrentHashMap<>();

    public List<LineItem> lineItems(String context) {
        return items.values().stream().filter(i -> i.context().equals(context))
                .sorted((a, b) -> Long.compare(a.id(), b.id())).toList();
    }

    public Optional<LineItem> lineItem(String context, long id) {
        return Optional.ofNullable(items.get(id)).filter(i -> i.context().equals(context));
    }

    public LineItem save(LineItem item) {
        long id = item.id() > 0 ? item.id() : ids.incrementAndGet();
        LineItem stored = new LineItem(id, item.context(), item.label(), item.scoreMaximum(), item.resourceId(),
                item.resourceLinkId(), item.tag());
        items.put(id, stored);
        return stored;
    }

    /** The line item bound to a resource link, created (maximum 100) on the link's first launch, as an LMS does. */
    public synchronized LineItem lineItemOfLink(String context, String resourceLinkId, String label) {
        return items.values().stream()
                .filter(i -> i.context().equals(context) && resourceLinkId.equals(i.resourceLinkId()))
                .findFirst()
                .orElseGet(() -> save(new LineItem(0, context, label, 100, null, resourceLinkId, null)));
    }

    /** @return false when the score is older than (or as old as) the one already recorded: HTTP 409 */
    public synchronized boolean record(long lineItemId, Score score) {
        Map<String, Score> ofItem = scores.computeIfAbsent(lineItemId, k -> new LinkedHashMap<>());
        Score previous = ofItem.get(score.userId());
        if (previous != null && !score.timestamp().isAfter(previous.timestamp())) {
            return false;
        }
        ofItem.put(score.userId(), score);
        accepted.computeIfAbsent(lineItemId, k -> new LinkedHashMap<>()).merge(score.userId(), 1, Integer::sum);
        java.util.Set<List<Object>> values = acceptedValues.computeIfAbsent(lineItemId, k -> new LinkedHashMap<>())
                .computeIfAbsent(score.userId(), k -> new java.util.HashSet<>());
        if (!values.add(java.util.Arrays.asList(score.scoreGiven(), score.scoreMaximum(), score.comment()))) {
            repeats.computeIfAbsent(lineItemId, k -> new LinkedHashMap<>()).merge(score.userId(), 1, Integer::sum);
        }
        return true;
    }

    /** How many scores of the user the line item accepted: the test of "never duplicated". */
    public synchronized int acceptedScores(long lineItemId, String userId) {
        return accepted.getOrDefault(lineItemId, Map.of()).getOrDefault(userId, 0);
    }

    /** How many accepted scores of the user repeated one accepted before (same score, maximum and comment). */
    public synchronized int repeatedScores(long lineItemId, String userId) {
        return repeats.getOrDefault(lineItemId, Map.of()).getOrDefault(userId, 0);
    }

    public synchronized List<Score> results(long lineItemId) {
        return new ArrayList<>(scores.getOrDefault(lineItemId, Map.of()).values());
    }
}
