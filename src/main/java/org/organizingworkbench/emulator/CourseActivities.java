package org.organizingworkbench.emulator;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The activities the emulated LMS added to its courses from Deep Linking responses, as an LMS keeps them: a link
 * with its title, custom parameters and (for a graded item) its gradebook column. Staff and students launch them
 * from the course page like any activity. In memory, like the rest of the emulator.
 */
@ApplicationScoped
public class CourseActivities {

    /** A placed activity. {@code lineItemId} is null for an ungraded link; {@code dueAt} null without a due date. */
    public record Activity(String context, String linkId, String title, String text, Map<String, String> custom,
                           Long lineItemId, String dueAt) {

        /** The exercise the tool's Deep Linking named in the link's custom parameters, if any. */
        public String exercise() {
            return custom.get("exercise");
        }
    }

    private final List<Activity> activities = new CopyOnWriteArrayList<>();
    private final AtomicLong moodleInstances = new AtomicLong(100);

    /** A new link id as the platform makes them: Moodle's numeric activity instance, Canvas's resource link UUID. */
    String newLinkId(PlatformFlavour flavour) {
        return flavour == PlatformFlavour.MOODLE ? Long.toString(moodleInstances.incrementAndGet())
                : UUID.randomUUID().toString();
    }

    void add(Activity activity) {
        activities.add(activity);
    }

    public List<Activity> of(String context) {
        return activities.stream().filter(a -> a.context().equals(context)).toList();
    }

    public Optional<Activity> find(String context, String linkId) {
        return activities.stream().filter(a -> a.context().equals(context) && a.linkId().equals(linkId)).findFirst();
    }
}
