package org.cartable.fleet.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Site settings of the fleet ({@code etc/org.cartable.fleet.cfg}); defaults in the feature. */
@ObjectClassDefinition(name = "Cartable device fleet", description = "Renewal planning and ticket targets")
public @interface FleetConfig {

    String PID = "org.cartable.fleet";

    @AttributeDefinition(description = "A device older than this (years since start of use) is due for renewal")
    int maxAgeYears() default 5;

    @AttributeDefinition(description = "Replacement price per kind in euros, KIND=price, e.g. TABLET=450")
    String[] replacementPrices() default {"TABLET=450", "LAPTOP=800", "INTERACTIVE_SCREEN=3500", "VISIO_KIT=1200",
            "ROBOT_KIT=600", "CHARGING_TROLLEY=1500", "OTHER=200"};

    @AttributeDefinition(description = "Target to take a ticket in charge, in school working days")
    int ownTargetDays() default 1;

    @AttributeDefinition(description = "Target to solve a ticket, in school working days")
    int resolveTargetDays() default 5;

    @AttributeDefinition(description = "School holidays not counted as working days, 'yyyy-mm-dd..yyyy-mm-dd' each")
    String[] schoolHolidays() default {};
}
