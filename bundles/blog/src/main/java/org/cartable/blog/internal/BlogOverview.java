package org.cartable.blog.internal;

import java.io.Serializable;
import java.util.List;

/**
 * A class's blog as one caller sees it.
 *
 * @param posts     visible posts, pinned first, then newest first
 * @param mayWrite  whether the caller may write posts (staff and pupils)
 * @param mayManage whether the caller moderates the blog (staff)
 */
public record BlogOverview(String classId, BlogSettings settings, List<Post> posts, boolean mayWrite,
                           boolean mayManage) implements Serializable {

    public BlogOverview {
        posts = List.copyOf(posts);
    }
}
