package org.cartable.wiki.internal;

import java.io.Serializable;
import java.util.List;

/** A page in the class's tree, with its children in their order. */
public record TreeNode(String id, String title, boolean home, List<TreeNode> children) implements Serializable {

    public TreeNode {
        children = List.copyOf(children);
    }

    /** @return this node and all below it, depth first (the order of the side navigation) */
    public List<TreeNode> flatten() {
        List<TreeNode> all = new java.util.ArrayList<>();
        all.add(this);
        children.forEach(child -> all.addAll(child.flatten()));
        return all;
    }
}
