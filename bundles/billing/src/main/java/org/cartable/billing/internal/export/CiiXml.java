package org.cartable.billing.internal.export;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.cartable.billing.internal.DocumentKind;
import org.cartable.billing.internal.Invoice;
import org.cartable.billing.internal.InvoiceLine;
import org.cartable.billing.internal.Totals;

/**
 * The invoice as UN/CEFACT Cross Industry Invoice XML, Factur-X profile EN 16931 (what the public e-invoicing portal
 * accepts). Element order follows the CII D16B schema. Chorus Pro reads the recipient's service code from the buyer
 * reference (BT-10) and the legal commitment number from the purchase order reference (BT-13). SIRETs are legal
 * registration ids with scheme 0009.
 */
public final class CiiXml {

    public static final String FILE_NAME = "factur-x.xml";
    public static final String GUIDELINE = "urn:cen.eu:en16931:2017";
    private static final DateTimeFormatter DATE = DateTimeFormatter.BASIC_ISO_DATE;
    private static final Pattern POSTCODE_CITY = Pattern.compile("^(.*?)[,\\s]*(\\d{5})[,\\s]+(.+)$");
    /* Why a 0 % rate is legal: the fees of a public purchasing body to its members are outside the scope of VAT. */
    static final String EXEMPTION = "Exonération de TVA - article 256 B du CGI";
    /* The mentions French law requires on every invoice to a public buyer (code de la commande publique). */
    static final String LATE_PAYMENT = "En cas de retard de paiement : intérêts moratoires au taux légal"
            + " et indemnité forfaitaire de 40 euros pour frais de recouvrement (articles L2192-13 et D2192-35"
            + " du code de la commande publique).";
    static final String NO_DISCOUNT = "Pas d'escompte pour paiement anticipé.";

    private CiiXml() {
    }

    public static byte[] write(Invoice invoice) {
        StringBuilder x = new StringBuilder(8_192);
        x.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<rsm:CrossIndustryInvoice")
                .append(" xmlns:rsm=\"urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100\"")
                .append(" xmlns:qdt=\"urn:un:unece:uncefact:data:standard:QualifiedDataType:100\"")
                .append(" xmlns:ram=\"urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100\"")
                .append(" xmlns:udt=\"urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100\">\n");
        x.append("<rsm:ExchangedDocumentContext><ram:GuidelineSpecifiedDocumentContextParameter><ram:ID>")
                .append(GUIDELINE).append("</ram:ID></ram:GuidelineSpecifiedDocumentContextParameter>")
                .append("</rsm:ExchangedDocumentContext>\n");
        x.append("<rsm:ExchangedDocument>");
        element(x, "ram:ID", invoice.number());
        element(x, "ram:TypeCode", invoice.kind() == DocumentKind.CREDIT_NOTE ? "381" : "380");
        x.append("<ram:IssueDateTime>").append(date(invoice.issueDate())).append("</ram:IssueDateTime>");
        if (invoice.reason() != null) {
            x.append("<ram:IncludedNote>");
            element(x, "ram:Content", invoice.reason());
            x.append("</ram:IncludedNote>");
        }
        note(x, invoice.issuer().paymentTerms(), "PMT");
        note(x, LATE_PAYMENT, "PMD");
        note(x, NO_DISCOUNT, "AAB");
        x.append("</rsm:ExchangedDocument>\n<rsm:SupplyChainTradeTransaction>\n");

        int position = 1;
        for (InvoiceLine line : invoice.lines()) {
            x.append("<ram:IncludedSupplyChainTradeLineItem>");
            x.append("<ram:AssociatedDocumentLineDocument>");
            element(x, "ram:LineID", String.valueOf(position++));
            x.append("</ram:AssociatedDocumentLineDocument>");
            x.append("<ram:SpecifiedTradeProduct>");
            element(x, "ram:SellerAssignedID", line.code());
            element(x, "ram:Name", line.description());
            x.append("</ram:SpecifiedTradeProduct>");
            x.append("<ram:SpecifiedLineTradeAgreement><ram:NetPriceProductTradePrice>");
            element(x, "ram:ChargeAmount", line.unitPrice().toPlainString());
            x.append("</ram:NetPriceProductTradePrice></ram:SpecifiedLineTradeAgreement>");
            x.append("<ram:SpecifiedLineTradeDelivery><ram:BilledQuantity unitCode=\"C62\">")
                    .append(line.quantity()).append("</ram:BilledQuantity></ram:SpecifiedLineTradeDelivery>");
            x.append("<ram:SpecifiedLineTradeSettlement><ram:ApplicableTradeTax>");
            element(x, "ram:TypeCode", "VAT");
            element(x, "ram:CategoryCode", category(line.vatRate()));
            element(x, "ram:RateApplicablePercent", line.vatRate().toPlainString());
            x.append("</ram:ApplicableTradeTax><ram:SpecifiedTradeSettlementLineMonetarySummation>");
            element(x, "ram:LineTotalAmount", line.amount().toPlainString());
            x.append("</ram:SpecifiedTradeSettlementLineMonetarySummation></ram:SpecifiedLineTradeSettlement>");
            x.append("</ram:IncludedSupplyChainTradeLineItem>\n");
        }

        x.append("<ram:ApplicableHeaderTradeAgreement>");
        element(x, "ram:BuyerReference", invoice.recipient().serviceCode());
        party(x, "ram:SellerTradeParty", invoice.issuer().name(), invoice.issuer().siret(), true,
                invoice.issuer().address(), invoice.issuer().vatNumber());
        party(x, "ram:BuyerTradeParty", invoice.recipient().name(), invoice.recipient().siret(), false,
                invoice.recipient().address(), null);
        if (invoice.recipient().engagementNumber() != null) {
            x.append("<ram:BuyerOrderReferencedDocument>");
            element(x, "ram:IssuerAssignedID", invoice.recipient().engagementNumber());
            x.append("</ram:BuyerOrderReferencedDocument>");
        }
        x.append("</ram:ApplicableHeaderTradeAgreement>\n");
        x.append("<ram:ApplicableHeaderTradeDelivery/>\n");

        Totals totals = invoice.totals();
        x.append("<ram:ApplicableHeaderTradeSettlement>");
        element(x, "ram:PaymentReference", invoice.number());
        element(x, "ram:InvoiceCurrencyCode", "EUR");
        if (invoice.issuer().iban() != null) {
            x.append("<ram:SpecifiedTradeSettlementPaymentMeans>");
            element(x, "ram:TypeCode", "58");
            x.append("<ram:PayeePartyCreditorFinancialAccount>");
            element(x, "ram:IBANID", invoice.issuer().iban());
            x.append("</ram:PayeePartyCreditorFinancialAccount></ram:SpecifiedTradeSettlementPaymentMeans>");
        }
        for (Totals.VatAmount vat : totals.breakdown()) {
            x.append("<ram:ApplicableTradeTax>");
            element(x, "ram:CalculatedAmount", vat.amount().toPlainString());
            element(x, "ram:TypeCode", "VAT");
            if (vat.rate().signum() == 0) {
                element(x, "ram:ExemptionReason", EXEMPTION);
            }
            element(x, "ram:BasisAmount", vat.basis().toPlainString());
            element(x, "ram:CategoryCode", category(vat.rate()));
            element(x, "ram:RateApplicablePercent", vat.rate().toPlainString());
            x.append("</ram:ApplicableTradeTax>");
        }
        x.append("<ram:BillingSpecifiedPeriod><ram:StartDateTime>")
                .append(date(LocalDate.of(invoice.year(), 9, 1)))
                .append("</ram:StartDateTime><ram:EndDateTime>")
                .append(date(LocalDate.of(invoice.year() + 1, 8, 31)))
                .append("</ram:EndDateTime></ram:BillingSpecifiedPeriod>");
        x.append("<ram:SpecifiedTradePaymentTerms>");
        element(x, "ram:Description", invoice.issuer().paymentTerms());
        if (invoice.dueDate() != null) {
            x.append("<ram:DueDateDateTime>").append(date(invoice.dueDate())).append("</ram:DueDateDateTime>");
        }
        x.append("</ram:SpecifiedTradePaymentTerms>");
        x.append("<ram:SpecifiedTradeSettlementHeaderMonetarySummation>");
        element(x, "ram:LineTotalAmount", totals.excl().toPlainString());
        element(x, "ram:TaxBasisTotalAmount", totals.excl().toPlainString());
        x.append("<ram:TaxTotalAmount currencyID=\"EUR\">").append(totals.vat().toPlainString())
                .append("</ram:TaxTotalAmount>");
        element(x, "ram:GrandTotalAmount", totals.incl().toPlainString());
        element(x, "ram:DuePayableAmount", totals.incl().toPlainString());
        x.append("</ram:SpecifiedTradeSettlementHeaderMonetarySummation>");
        if (invoice.originalNumber() != null) {
            x.append("<ram:InvoiceReferencedDocument>");
            element(x, "ram:IssuerAssignedID", invoice.originalNumber());
            x.append("</ram:InvoiceReferencedDocument>");
        }
        x.append("</ram:ApplicableHeaderTradeSettlement>\n");
        x.append("</rsm:SupplyChainTradeTransaction>\n</rsm:CrossIndustryInvoice>\n");
        return x.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void note(StringBuilder x, String content, String subject) {
        if (content != null && !content.isBlank()) {
            x.append("<ram:IncludedNote>");
            element(x, "ram:Content", content);
            element(x, "ram:SubjectCode", subject);
            x.append("</ram:IncludedNote>");
        }
    }

    /*
     * The seller is identified by its SIREN (scheme 0002), the buyer by the SIRET of the paying structure (scheme
     * 0009, what the public portal routes on); both get their SIREN as electronic address (scheme 0225).
     */
    private static void party(StringBuilder x, String tag, String name, String siret, boolean seller,
                              String address, String vatNumber) {
        x.append('<').append(tag).append('>');
        element(x, "ram:Name", name);
        String siren = siret != null && siret.length() >= 9 ? siret.substring(0, 9) : null;
        if (siret != null) {
            x.append("<ram:SpecifiedLegalOrganization><ram:ID schemeID=\"").append(seller ? "0002" : "0009")
                    .append("\">").append(escape(seller ? siren : siret))
                    .append("</ram:ID></ram:SpecifiedLegalOrganization>");
        }
        x.append("<ram:PostalTradeAddress>");
        Address parsed = Address.parse(address);
        element(x, "ram:PostcodeCode", parsed.postcode());
        element(x, "ram:LineOne", parsed.line());
        element(x, "ram:CityName", parsed.city());
        element(x, "ram:CountryID", "FR");
        x.append("</ram:PostalTradeAddress>");
        if (siren != null) {
            x.append("<ram:URIUniversalCommunication><ram:URIID schemeID=\"0225\">").append(escape(siren))
                    .append("</ram:URIID></ram:URIUniversalCommunication>");
        }
        if (vatNumber != null) {
            x.append("<ram:SpecifiedTaxRegistration><ram:ID schemeID=\"VA\">").append(escape(vatNumber))
                    .append("</ram:ID></ram:SpecifiedTaxRegistration>");
        }
        x.append("</").append(tag).append('>');
    }

    /** "2 rue de la République, 45000, Orléans" or "2 rue X, 45000 Orléans": street, postcode, city. */
    record Address(String line, String postcode, String city) {
        static Address parse(String address) {
            if (address == null || address.isBlank()) {
                return new Address(null, null, null);
            }
            Matcher matcher = POSTCODE_CITY.matcher(address.strip());
            if (matcher.matches()) {
                String line = matcher.group(1).strip();
                return new Address(line.isEmpty() ? null : line, matcher.group(2), matcher.group(3).strip());
            }
            return new Address(address.strip(), null, null);
        }
    }

    static String category(BigDecimal rate) {
        return rate.signum() == 0 ? "E" : "S";
    }

    private static String date(LocalDate day) {
        return "<udt:DateTimeString format=\"102\">" + DATE.format(day) + "</udt:DateTimeString>";
    }

    private static void element(StringBuilder x, String tag, String value) {
        if (value == null || value.isBlank()) {
            return;
        }
        x.append('<').append(tag).append('>').append(escape(value)).append("</").append(tag).append('>');
    }

    static String escape(String value) {
        StringBuilder out = new StringBuilder(value.length());
        for (char c : value.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                default -> {
                    if (c >= 0x20 || c == '\n' || c == '\t') {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
