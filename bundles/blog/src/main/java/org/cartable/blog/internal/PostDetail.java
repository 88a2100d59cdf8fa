package org.cartable.blog.internal;

import java.io.Serializable;
import java.util.List;

/** A post with the comments the caller can see, oldest first. */
public record PostDetail(Post post, List<Comment> comments) implements Serializable {

    public PostDetail {
        comments = List.copyOf(comments);
    }
}
