package org.cartable.rest.internal.resources;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.cartable.api.rest.RestApi;
import org.junit.jupiter.api.Test;

class OperationsResourceTest {

    @Test
    void onlyResourcesOfThePlatformsApplicationAreScanned() {
        assertTrue(OperationsResource.selectsPlatform(RestApi.APPLICATION_SELECT));
        assertTrue(OperationsResource.selectsPlatform(new String[]{"(osgi.jaxrs.name=other)", RestApi.APPLICATION_SELECT}));
        assertFalse(OperationsResource.selectsPlatform("(osgi.jaxrs.name=.default)"));
        assertFalse(OperationsResource.selectsPlatform(null));
    }

    @Test
    void pageParametersAreReadFromTheMountPath() {
        assertEquals(List.of("classId", "postId"), OperationsResource.pageParams("blog/${classId}/post/${postId}"));
        assertEquals(List.of("classId", "page"), OperationsResource.pageParams("wiki/${classId}/#{page}"));
        assertEquals(List.of(), OperationsResource.pageParams("fleet/tickets"));
    }
}
