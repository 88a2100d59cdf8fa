package org.cartable.rest.internal.operations;

import java.util.Map;

/**
 * A resource whose sub-resource locator picks its target from a table that changes at run time (the dispatchers of
 * app resources): reflection on the locator's return type cannot tell what lies behind it, the table can.
 */
public interface SubResourceRoutes {

    /**
     * @return name of the locator method whose targets these are (the one with the {@code @Path} template variable
     *         that the keys fill)
     */
    String locator();

    /** @return how the operations behind the table are routed */
    Operation.Kind kind();

    /** @return a snapshot of the table: value of the locator's path variable → resource object served there */
    Map<String, Object> routes();
}
