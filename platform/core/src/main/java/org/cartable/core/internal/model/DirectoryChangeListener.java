package org.cartable.core.internal.model;

import javax.persistence.PostPersist;
import javax.persistence.PostRemove;
import javax.persistence.PostUpdate;
import javax.persistence.PrePersist;
import javax.persistence.PreRemove;
import javax.persistence.PreUpdate;

/** Moves {@link Changes#DIRECTORY} whenever an entity that decides access to a class or its apps is written. */
public class DirectoryChangeListener {

    @PrePersist
    @PreUpdate
    @PreRemove
    @PostPersist
    @PostUpdate
    @PostRemove
    void written(Object entity) {
        Changes.DIRECTORY.changed();
    }
}
