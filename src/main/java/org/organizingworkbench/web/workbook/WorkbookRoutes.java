package org.organizingworkbench.web.workbook;

import org.organizingworkbench.http.Routes;

import java.util.Set;

/** A student's workbook, and its print view and PDF. */
public class WorkbookRoutes implements Routes {

    @Override
    public Set<Class<?>> classes() {
        return Set.of(WorkbookResource.class, ExportResource.class);
    }
}
