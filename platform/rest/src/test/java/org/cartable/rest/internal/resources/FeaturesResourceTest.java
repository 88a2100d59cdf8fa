package org.cartable.rest.internal.resources;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FeaturesResourceTest {

    @Test
    void onlyAppFeaturesAreManaged() {
        assertTrue(FeaturesResource.isAppFeature("cartable-blog"));
        assertTrue(FeaturesResource.isAppFeature("cartable-cahier-de-textes2"));
        assertFalse(FeaturesResource.isAppFeature("cartable-platform"));
        assertFalse(FeaturesResource.isAppFeature("cartable-all"));
        assertFalse(FeaturesResource.isAppFeature("cartable-"));
        assertFalse(FeaturesResource.isAppFeature("cartable-Blog"));
        assertFalse(FeaturesResource.isAppFeature("cartable-blog/1.0.0"));
        assertFalse(FeaturesResource.isAppFeature("webconsole"));
        assertFalse(FeaturesResource.isAppFeature(null));
    }
}
