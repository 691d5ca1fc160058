package org.organizingworkbench.web.grading;

import java.util.List;

/**
 * The grades of the launched activity (fragment {@code fragments/grades}): whether the launch came from a link and
 * the link has a line item in the LMS, one line per student the reader may grade, and the course's LMS (what it shows
 * differs between platforms).
 */
public record GradesView(boolean hasLink, boolean hasLineItem, List<GradesResource.Line> lines, String lms) {
}
