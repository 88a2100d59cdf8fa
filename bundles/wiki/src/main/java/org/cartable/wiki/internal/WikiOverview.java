package org.cartable.wiki.internal;

import java.io.Serializable;

/**
 * A class's wiki as one caller sees it.
 *
 * @param tree    the home page with every page below it
 * @param canEdit whether the caller may create and edit pages now
 * @param staff   whether the caller is one of the class's teachers or its school's director
 */
public record WikiOverview(String classId, WikiSettings settings, TreeNode tree, boolean canEdit, boolean staff)
        implements Serializable {
}
