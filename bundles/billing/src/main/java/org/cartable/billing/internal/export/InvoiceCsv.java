package org.cartable.billing.internal.export;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.cartable.billing.internal.DocumentKind;
import org.cartable.billing.internal.Invoice;
import org.cartable.billing.internal.InvoiceLine;
import org.cartable.billing.internal.Totals;

/**
 * The accounting export: UTF-8, {@code ;}-separated, a header row, decimal point, amounts signed (credit notes
 * negative). One {@code LINE} row per invoice line, one {@code VAT} row per VAT rate, one {@code TOTAL} row per
 * document. Columns (see the module's README):
 * {@code record;type;number;issue_date;due_date;school_year;collectivity_id;recipient;recipient_siret;service_code;
 * engagement_number;original_number;code;description;quantity;unit_price_excl;vat_rate;amount_excl;vat_amount;
 * amount_incl}.
 */
public final class InvoiceCsv {

    public static final String HEADER = "record;type;number;issue_date;due_date;school_year;collectivity_id;"
            + "recipient;recipient_siret;service_code;engagement_number;original_number;code;description;quantity;"
            + "unit_price_excl;vat_rate;amount_excl;vat_amount;amount_incl";

    private InvoiceCsv() {
    }

    public static byte[] write(List<Invoice> invoices) {
        StringBuilder csv = new StringBuilder(HEADER).append("\r\n");
        for (Invoice invoice : invoices) {
            boolean credit = invoice.kind() == DocumentKind.CREDIT_NOTE;
            String head = String.join(";",
                    invoice.kind() == DocumentKind.INVOICE ? "INVOICE" : "CREDIT_NOTE",
                    field(invoice.number()),
                    field(invoice.issueDate() == null ? null : invoice.issueDate().toString()),
                    field(invoice.dueDate() == null ? null : invoice.dueDate().toString()),
                    String.valueOf(invoice.year()),
                    field(invoice.collectivityId()),
                    field(invoice.recipient().name()),
                    field(invoice.recipient().siret()),
                    field(invoice.recipient().serviceCode()),
                    field(invoice.recipient().engagementNumber()),
                    field(invoice.originalNumber()));
            for (InvoiceLine line : invoice.lines()) {
                csv.append("LINE;").append(head).append(';')
                        .append(String.join(";", field(line.code()), field(line.description()),
                                String.valueOf(credit ? -line.quantity() : line.quantity()),
                                line.unitPrice().toPlainString(), line.vatRate().toPlainString(),
                                signed(line.amount(), credit), "", ""))
                        .append("\r\n");
            }
            for (Totals.VatAmount vat : invoice.totals().breakdown()) {
                csv.append("VAT;").append(head).append(';')
                        .append(String.join(";", "", "", "", "", vat.rate().toPlainString(),
                                signed(vat.basis(), credit), signed(vat.amount(), credit), ""))
                        .append("\r\n");
            }
            Totals totals = invoice.totals();
            csv.append("TOTAL;").append(head).append(';')
                    .append(String.join(";", "", "", String.valueOf(credit ? -invoice.pupils() : invoice.pupils()),
                            "", "", signed(totals.excl(), credit), signed(totals.vat(), credit),
                            signed(totals.incl(), credit)))
                    .append("\r\n");
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String signed(BigDecimal amount, boolean negative) {
        return (negative ? amount.negate() : amount).toPlainString();
    }

    /* RFC 4180 quoting; a leading formula character is defused so a spreadsheet never evaluates it. */
    static String field(String value) {
        if (value == null) {
            return "";
        }
        String safe = !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        if (safe.contains(";") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
            return '"' + safe.replace("\"", "\"\"") + '"';
        }
        return safe;
    }
}
