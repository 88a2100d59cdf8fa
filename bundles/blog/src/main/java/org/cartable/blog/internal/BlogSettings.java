package org.cartable.blog.internal;

import java.io.Serializable;

/**
 * Settings of one class's blog.
 *
 * @param comments              how comments are taken
 * @param pupilsPublishDirectly whether pupils' posts skip the teacher's approval
 */
public record BlogSettings(CommentMode comments, boolean pupilsPublishDirectly) implements Serializable {

    /** Until a teacher changes them: comments wait for approval, pupils' posts too. */
    public static final BlogSettings DEFAULTS = new BlogSettings(CommentMode.APPROVAL, false);
}
