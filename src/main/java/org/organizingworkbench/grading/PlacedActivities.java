package org.organizingworkbench.grading;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.organizingworkbench.lti.LineItem;
import org.organizingworkbench.lti.LineItemFilter;
import org.organizingworkbench.lti.ServiceException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where an exercise is placed as a graded activity in the course's LMS: the line items the LMS lists with the
 * exercise as their resourceId (our Deep Linking sets it; Moodle and Canvas keep it and filter by it), together
 * with the links the tool already knows from launches. Reading the LMS is an HTTP call: never inside a transaction.
 */
@ApplicationScoped
public class PlacedActivities {

    /** The placements found; {@code lmsProblem} says why only the known links are in it (null when the LMS was read). */
    public record Found(List<PlacedActivity> activities, String lmsProblem) {
    }

    @Inject
    LmsGradebook lms;

    @Inject
    PlacedLinks known;

    /**
     * @throws ServiceException when the LMS could not answer now (outage, timeout, throttling): worth trying again
     */
    public Found of(long courseId, String exerciseId) throws ServiceException {
        Map<String, PlacedActivity> byLineItem = new LinkedHashMap<>();
        known.of(courseId, exerciseId).forEach(p -> byLineItem.put(p.lineItemUrl(), p));
        String problem = null;
        try {
            for (LineItem item : lms.lineItems(courseId, LineItemFilter.byResourceId(exerciseId))) {
                if (exerciseId.equals(item.resourceId()) && item.resourceLinkId() != null && item.id() != null) {
                    byLineItem.put(item.id(), new PlacedActivity(item.resourceLinkId(), item.label(), item.id(),
                            item.scoreMaximum()));
                }
            }
        } catch (ServiceException e) {
            if (worthRetrying(e.status())) {
                throw e;
            }
            // A refusal for good (the admin took the line item scope away): report to the links launches showed.
            problem = "HTTP " + e.status() + ": " + e.reason();
        }
        return new Found(new ArrayList<>(byLineItem.values()), problem);
    }

    static boolean worthRetrying(int status) {
        return status == 0 || status / 100 == 5 || status == 429 || status == 408 || status == 401;
    }
}
