package org.organizingworkbench.emulator;

import jakarta.enterprise.context.ApplicationScoped;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The emulator's gradebook (AGS 2.0): line items per course and the latest result per user, kept in memory. Whether
 * a score is taken, and what is kept of it, is the course's {@link PlatformFlavour}'s rule.
 */
@ApplicationScoped
public class Gradebook {

    /**
     * A gradebook column.
     *
     * @param endDateTime when submissions are due, as the platform keeps it (Canvas: the assignment's due date);
     *                    null when it keeps none
     */
    public record LineItem(long id, String context, String label, double scoreMaximum, String resourceId,
                           String resourceLinkId, String tag, String endDateTime) {
    }

    private final AtomicLong ids = new AtomicLong();
    private final Map<Long, LineItem> items = new ConcurrentHashMap<>();
    private final Map<Long, Map<String, PlatformFlavour.Result>> results = new ConcurrentHashMap<>();
    private final Map<Long, Map<String, Integer>> accepted = new ConcurrentHashMap<>();
    private final Map<Long, Map<String, Set<List<Object>>>> acceptedValues = new ConcurrentHashMap<>();
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
                item.resourceLinkId(), item.tag(), item.endDateTime());
        items.put(id, stored);
        return stored;
    }

    /**
     * The line item bound to a resource link, created (maximum 100) on the link's first launch, as Moodle makes a
     * 100-point grade item for an activity added without one.
     *
     * @param resourceId the exercise the link opens, kept as the line item's resourceId; null for none
     */
    public synchronized LineItem lineItemOfLink(String context, String resourceLinkId, String label, String resourceId) {
        return items.values().stream()
                .filter(i -> i.context().equals(context) && resourceLinkId.equals(i.resourceLinkId()))
                .findFirst()
                .orElseGet(() -> save(new LineItem(0, context, label, 100, resourceId, resourceLinkId,
                        resourceId == null ? null : "workbench", null)));
    }

    /** A score POST, taken or refused by the flavour's rules. */
    public synchronized PlatformFlavour.ScoreAnswer record(LineItem item, PlatformFlavour flavour,
                                                           PlatformFlavour.ScorePost post, Boolean gradable) {
        Map<String, PlatformFlavour.Result> ofItem = results.computeIfAbsent(item.id(), k -> new LinkedHashMap<>());
        PlatformFlavour.ScoreAnswer answer = flavour.acceptScore(ofItem.get(post.userId()), post, item.scoreMaximum(),
                gradable, OffsetDateTime.now());
        if (answer.stored() == null) {
            return answer;
        }
        ofItem.put(post.userId(), answer.stored());
        accepted.computeIfAbsent(item.id(), k -> new LinkedHashMap<>()).merge(post.userId(), 1, Integer::sum);
        Set<List<Object>> values = acceptedValues.computeIfAbsent(item.id(), k -> new LinkedHashMap<>())
                .computeIfAbsent(post.userId(), k -> new HashSet<>());
        if (!values.add(Arrays.asList(post.scoreGiven(), post.scoreMaximum(), post.comment(), post.gradingProgress()))) {
            repeats.computeIfAbsent(item.id(), k -> new LinkedHashMap<>()).merge(post.userId(), 1, Integer::sum);
        }
        return answer;
    }

    /** How many scores of the user the line item accepted: the test of "never duplicated". */
    public synchronized int acceptedScores(long lineItemId, String userId) {
        return accepted.getOrDefault(lineItemId, Map.of()).getOrDefault(userId, 0);
    }

    /** How many accepted scores of the user repeated one accepted before (same score, maximum, comment, progress). */
    public synchronized int repeatedScores(long lineItemId, String userId) {
        return repeats.getOrDefault(lineItemId, Map.of()).getOrDefault(userId, 0);
    }

    public synchronized List<PlatformFlavour.Result> results(long lineItemId) {
        return new ArrayList<>(results.getOrDefault(lineItemId, Map.of()).values());
    }
}
