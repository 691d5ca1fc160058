package org.organizingworkbench.grading;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.organizingworkbench.course.Course;
import org.organizingworkbench.course.CourseRoster;
import org.organizingworkbench.lti.LineItem;
import org.organizingworkbench.lti.LineItemFilter;
import org.organizingworkbench.lti.LineItemResult;
import org.organizingworkbench.lti.Score;
import org.organizingworkbench.lti.ServiceException;
import org.organizingworkbench.lti.ServiceRegistration;
import org.organizingworkbench.platform.PlatformServices;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.logging.Logger;

/**
 * The LMS's Assignment and Grade Services as a course of this tool reaches them: its platform's registration, the
 * score POST, and the line item's maximum (read once every ten minutes per line item).
 */
@ApplicationScoped
public class LmsGradebook {

    private record KnownMaximum(double value, Instant readAt) {
    }

    private static final Duration MAXIMUM_KEPT = Duration.ofMinutes(10);
    private static final Logger LOG = Logger.getLogger(LmsGradebook.class.getName());

    @Inject
    CourseRoster roster;

    @Inject
    PlatformServices services;

    private final ConcurrentMap<String, KnownMaximum> maximums = new ConcurrentHashMap<>();

    public void postScore(long courseId, String lineItemUrl, Score score) throws ServiceException {
        services.assignmentsAndGrades().postScore(registration(courseId, lineItemUrl), lineItemUrl, score);
    }

    /** What the LMS gradebook holds on the line item (AGS results, every page). */
    public List<LineItemResult> results(long courseId, String lineItemUrl) throws ServiceException {
        return services.assignmentsAndGrades().readResults(registration(courseId, lineItemUrl), lineItemUrl);
    }

    /** Whether the course's platform is Canvas, whose score extension the delivery then adds. */
    public boolean isCanvas(long courseId) {
        return flavour(courseId) == GradebookFlavour.CANVAS;
    }

    /** The kind of gradebook the course's grades go to. */
    public GradebookFlavour flavour(long courseId) {
        return Optional.ofNullable(roster.course(courseId)).map(Course::deploymentRowId)
                .flatMap(services::platformOf).map(p -> GradebookFlavour.of(p.isCanvas(), p.productFamily()))
                .orElse(GradebookFlavour.OTHER);
    }

    /** The course's line items that match the filter (all pages); empty when the course has no line items URL. */
    public List<LineItem> lineItems(long courseId, LineItemFilter filter) throws ServiceException {
        Optional<String> url = Optional.ofNullable(roster.course(courseId)).flatMap(Course::lineItemsUrl);
        if (url.isEmpty()) {
            return List.of();
        }
        return services.assignmentsAndGrades().listLineItems(registration(courseId, url.get()), url.get(), filter);
    }

    public LineItem lineItem(long courseId, String lineItemUrl) throws ServiceException {
        return services.assignmentsAndGrades().getLineItem(registration(courseId, lineItemUrl), lineItemUrl);
    }

    /** PUTs the whole line item; returns it as the LMS stored it. */
    public LineItem updateLineItem(long courseId, LineItem item) throws ServiceException {
        return services.assignmentsAndGrades().updateLineItem(registration(courseId, item.id()), item);
    }

    /** The line item's scoreMaximum, or {@link Grades#DEFAULT_MAXIMUM} when the platform does not say. */
    public double scoreMaximum(long courseId, String lineItemUrl) {
        KnownMaximum known = maximums.get(lineItemUrl);
        if (known != null && known.readAt().plus(MAXIMUM_KEPT).isAfter(Instant.now())) {
            return known.value();
        }
        double value = Grades.DEFAULT_MAXIMUM;
        try {
            double read = services.assignmentsAndGrades().getLineItem(registration(courseId, lineItemUrl), lineItemUrl).scoreMaximum();
            if (read > 0) {
                value = read;
            }
        } catch (ServiceException e) {
            LOG.info(() -> "Line item " + lineItemUrl + " not read, scores out of " + Grades.DEFAULT_MAXIMUM + ": " + e.getMessage());
        }
        maximums.put(lineItemUrl, new KnownMaximum(value, Instant.now()));
        return value;
    }

    private ServiceRegistration registration(long courseId, String url) throws ServiceException {
        Optional<ServiceRegistration> registration = Optional.ofNullable(roster.course(courseId))
                .map(Course::deploymentRowId).flatMap(services::platformOf).map(PlatformServices::registration);
        return registration.orElseThrow(() -> new ServiceException(0, url, "not sent: the course's platform is gone"));
    }
}
