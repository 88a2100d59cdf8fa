package org.cartable.billing.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The issuer of the invoices (the purchasing body), from {@code etc/org.cartable.billing.cfg}. */
@ObjectClassDefinition(name = "Cartable billing", description = "The purchasing body that issues the invoices")
public @interface BillingConfig {

    @AttributeDefinition(description = "Legal name of the purchasing body")
    String issuer_name() default "Centrale d'achat numérique du Val de Loire (démo)";

    @AttributeDefinition(description = "SIRET, 14 digits")
    String issuer_siret() default "13002526500013";

    @AttributeDefinition(description = "Intra-community VAT number")
    String issuer_vatNumber() default "FR12130025265";

    @AttributeDefinition(description = "Postal address: street, postcode and city on one line, comma separated")
    String issuer_address() default "2 rue de la République, 45000, Orléans";

    @AttributeDefinition(description = "IBAN the collectivities pay to")
    String issuer_iban() default "FR7630001007941234567890185";

    @AttributeDefinition(description = "Payment terms printed on the invoices")
    String payment_terms() default "Paiement à 30 jours par virement (mandat administratif). Pas d'escompte pour paiement anticipé. En cas de retard, intérêts moratoires au taux légal et indemnité forfaitaire de 40 €.";

    @AttributeDefinition(description = "Days between issue and due date (30 for public buyers)")
    int payment_days() default 30;

    @AttributeDefinition(description = "Default VAT rate (percent) of a new price list; 0 if the fees are out of scope of VAT")
    String default_vatRate() default "20.00";
}
