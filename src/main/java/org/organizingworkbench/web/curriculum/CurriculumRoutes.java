package org.organizingworkbench.web.curriculum;

import org.organizingworkbench.http.Routes;

import java.util.Set;

/** The instructor's curriculum editor. */
public class CurriculumRoutes implements Routes {

    @Override
    public Set<Class<?>> classes() {
        return Set.of(CurriculumEditorResource.class);
    }
}
