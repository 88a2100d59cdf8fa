package org.cartable.deployment.internal.web;

import java.io.Serializable;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.apache.wicket.RestartResponseException;
import org.apache.wicket.markup.html.WebMarkupContainer;
import org.apache.wicket.markup.html.basic.Label;
import org.apache.wicket.markup.html.form.Form;
import org.apache.wicket.markup.html.form.NumberTextField;
import org.apache.wicket.markup.html.form.TextArea;
import org.apache.wicket.markup.html.list.ListItem;
import org.apache.wicket.markup.html.list.ListView;
import org.apache.wicket.markup.html.panel.FeedbackPanel;
import org.apache.wicket.model.IModel;
import org.apache.wicket.model.LoadableDetachableModel;
import org.apache.wicket.model.Model;
import org.apache.wicket.model.StringResourceModel;
import org.apache.wicket.request.mapper.parameter.PageParameters;
import org.cartable.api.CartableException;
import org.cartable.api.Role;
import org.cartable.api.web.Services;
import org.cartable.api.web.ShellLayout;
import org.cartable.api.web.ToolPage;
import org.cartable.deployment.internal.Adoption;
import org.cartable.deployment.internal.Coverage;
import org.cartable.deployment.internal.CoverageRow;
import org.cartable.deployment.internal.DeploymentApp;
import org.cartable.deployment.internal.DeploymentService;
import org.cartable.deployment.internal.HistoryPoint;
import org.cartable.deployment.internal.TotalsImport;

/**
 * Coverage of the territory (table, bars per collectivity, line over time), adoption (operators), and the reference
 * totals form and import (operators). Every figure comes from {@link DeploymentService}, which decides what the
 * caller may see.
 */
public class DeploymentPage extends ToolPage {

    private static final long serialVersionUID = 1L;

    private final IModel<Coverage> coverage = LoadableDetachableModel.of(() -> load(() -> service().coverage(caller())));
    private final IModel<List<HistoryPoint>> history =
            LoadableDetachableModel.of(() -> load(() -> service().history(caller())));
    private final boolean operator;

    public DeploymentPage(PageParameters parameters) {
        super(parameters);
        operator = caller().has(Role.OPERATOR) || caller().has(Role.PLATFORM_ADMIN);
        add(new FeedbackPanel("feedback"));
        add(new Label("summary", () -> summary(coverage.getObject().overall())));
        add(coverageTable());
        add(new Label("coverageChart", () -> coverageChart(coverage.getObject())).setEscapeModelStrings(false));
        add(new Label("historyChart", this::historyChart).setEscapeModelStrings(false)
                .add(new org.apache.wicket.behavior.Behavior() {
                    private static final long serialVersionUID = 1L;

                    @Override
                    public void onConfigure(org.apache.wicket.Component component) {
                        component.setVisible(history.getObject().size() >= 2);
                    }
                }));
        add(adoption());
        add(new TotalsForm("totals").setVisible(operator));
        add(new ImportForm("import").setVisible(operator));
    }

    @Override
    protected String appId() {
        return DeploymentApp.ID;
    }

    @Override
    protected IModel<String> pageTitle() {
        return new StringResourceModel("app.name", this);
    }

    private static DeploymentService service() {
        return Services.get(DeploymentService.class);
    }

    private static <T> T load(Supplier<T> reading) {
        try {
            return reading.get();
        } catch (CartableException refused) {
            throw new RestartResponseException(ShellLayout.get().accessDeniedPage(),
                    new PageParameters().add("reason", refused.kind().code()));
        }
    }

    private String summary(CoverageRow overall) {
        return getString("summary", Model.of(new Figures(overall, getLocale())));
    }

    private WebMarkupContainer coverageTable() {
        WebMarkupContainer table = new WebMarkupContainer("coverage");
        table.add(new ListView<>("row", coverage.map(Coverage::collectivities)) {
            private static final long serialVersionUID = 1L;

            @Override
            protected void populateItem(ListItem<CoverageRow> item) {
                Figures figures = new Figures(item.getModelObject(), getLocale());
                item.add(new Label("name", item.getModelObject().name()));
                item.add(new Label("schools", figures.getSchools()));
                item.add(new Label("schoolsPercent", figures.getSchoolsPercent()));
                item.add(new Label("pupils", figures.getPupils()));
                item.add(new Label("pupilsPercent", figures.getPupilsPercent()));
            }
        });
        return table;
    }

    private String coverageChart(Coverage current) {
        boolean percentages = current.collectivities().stream().allMatch(r -> r.pupilsPercent() != null);
        List<SvgCharts.Bar> bars = new ArrayList<>();
        double max = 0;
        for (CoverageRow row : current.collectivities()) {
            double value = percentages ? row.pupilsPercent() : row.pupilsOnEnt();
            max = Math.max(max, value);
            bars.add(new SvgCharts.Bar(row.name(), value, percentages ? percent(row.pupilsPercent())
                    : NumberFormat.getIntegerInstance(getLocale()).format(row.pupilsOnEnt())));
        }
        return SvgCharts.bars(getString(percentages ? "chart.pupilsPercent" : "chart.pupils"), bars,
                percentages ? 100 : Math.max(1, max));
    }

    private String historyChart() {
        List<HistoryPoint> points = history.getObject();
        boolean percentages = points.stream().allMatch(p -> p.pupilsPercent() != null);
        double max = percentages ? 100 : Math.max(1, points.stream().mapToInt(HistoryPoint::pupilsOnEnt).max().orElse(1));
        return SvgCharts.line(getString(percentages ? "chart.historyPercent" : "chart.history"),
                points.stream().map(p -> new SvgCharts.Point(p.day(),
                        percentages ? p.pupilsPercent() : p.pupilsOnEnt())).toList(), max);
    }

    private WebMarkupContainer adoption() {
        WebMarkupContainer section = new WebMarkupContainer("adoption");
        section.setVisible(operator);
        IModel<Adoption> figures = LoadableDetachableModel.of(() -> load(() -> service().adoption(caller())));
        section.add(new Label("rolesChart", () -> {
            List<SvgCharts.Bar> bars = new ArrayList<>();
            int max = 1;
            for (Map.Entry<Role, Integer> entry : figures.getObject().activeAccounts().entrySet()) {
                bars.add(new SvgCharts.Bar(getString("role." + entry.getKey().name()), entry.getValue(),
                        String.valueOf(entry.getValue())));
                max = Math.max(max, entry.getValue());
            }
            return SvgCharts.bars(getString("chart.active"), bars, max);
        }).setEscapeModelStrings(false));
        section.add(new Label("appsChart", () -> {
            Adoption adoption = figures.getObject();
            List<SvgCharts.Bar> bars = adoption.classesPerApp().entrySet().stream()
                    .map(e -> new SvgCharts.Bar(e.getKey(), e.getValue(), e.getValue() + " / " + adoption.classes()))
                    .toList();
            return SvgCharts.bars(getString("chart.apps"), bars, Math.max(1, adoption.classes()));
        }).setEscapeModelStrings(false));
        return section;
    }

    private String percent(Double value) {
        if (value == null) {
            return "—";
        }
        NumberFormat format = NumberFormat.getNumberInstance(getLocale());
        format.setMaximumFractionDigits(1);
        return format.format(value) + " %";
    }

    /** The figures of one row as the page prints them (a bean, for the summary's resource string). */
    public final class Figures implements Serializable {
        private static final long serialVersionUID = 1L;
        private final CoverageRow row;
        private final NumberFormat integers;

        Figures(CoverageRow row, java.util.Locale locale) {
            this.row = row;
            this.integers = NumberFormat.getIntegerInstance(locale);
        }

        public String getSchools() {
            return integers.format(row.schoolsOnEnt()) + " / "
                    + (row.schoolsTotal() == null ? "?" : integers.format(row.schoolsTotal()));
        }

        public String getPupils() {
            return integers.format(row.pupilsOnEnt()) + " / "
                    + (row.pupilsTotal() == null ? "?" : integers.format(row.pupilsTotal()));
        }

        public String getSchoolsPercent() {
            return percent(row.schoolsPercent());
        }

        public String getPupilsPercent() {
            return percent(row.pupilsPercent());
        }
    }

    /** Reference totals, one line per collectivity. */
    private final class TotalsForm extends Form<Void> {
        private static final long serialVersionUID = 1L;
        private final List<TotalsRow> rows = new ArrayList<>();

        TotalsForm(String id) {
            super(id);
            if (operator) {
                for (CoverageRow row : coverage.getObject().collectivities()) {
                    rows.add(new TotalsRow(row.collectivityId(), row.name(), row.schoolsTotal(), row.pupilsTotal()));
                }
            }
            add(new ListView<>("row", rows) {
                private static final long serialVersionUID = 1L;

                @Override
                protected void populateItem(ListItem<TotalsRow> item) {
                    TotalsRow row = item.getModelObject();
                    item.add(new Label("name", row.name));
                    item.add(new NumberTextField<>("schools", new TotalsModel(row, true), Integer.class)
                            .setMinimum(0).setLabel(Model.of(row.name)));
                    item.add(new NumberTextField<>("pupils", new TotalsModel(row, false), Integer.class)
                            .setMinimum(0).setLabel(Model.of(row.name)));
                }
            }.setReuseItems(true));
        }

        @Override
        protected void onSubmit() {
            try {
                for (TotalsRow row : rows) {
                    if (row.schools != null || row.pupils != null) {
                        service().setTotals(caller(), row.collectivityId, row.schools, row.pupils);
                    }
                }
                success(getString("totals.saved"));
                coverage.detach();
            } catch (CartableException refused) {
                error(refused.getMessage());
            }
        }
    }

    private static final class TotalsRow implements Serializable {
        private static final long serialVersionUID = 1L;
        final String collectivityId;
        final String name;
        Integer schools;
        Integer pupils;

        TotalsRow(String collectivityId, String name, Integer schools, Integer pupils) {
            this.collectivityId = collectivityId;
            this.name = name;
            this.schools = schools;
            this.pupils = pupils;
        }
    }

    private record TotalsModel(TotalsRow row, boolean schools) implements IModel<Integer> {
        @Override
        public Integer getObject() {
            return schools ? row.schools : row.pupils;
        }

        @Override
        public void setObject(Integer value) {
            if (schools) {
                row.schools = value;
            } else {
                row.pupils = value;
            }
        }
    }

    /** CSV import of the totals: "collectivity;schools;pupils". */
    private final class ImportForm extends Form<Void> {
        private static final long serialVersionUID = 1L;
        private final IModel<String> csv = Model.of("");

        ImportForm(String id) {
            super(id);
            add(new TextArea<>("csv", csv).setRequired(true).setLabel(new StringResourceModel("import.csv")));
        }

        @Override
        protected void onSubmit() {
            try {
                TotalsImport result = service().importTotals(caller(), csv.getObject());
                success(new StringResourceModel("import.done", DeploymentPage.this)
                        .setParameters(result.applied()).getString());
                result.rejected().forEach(r -> warn(new StringResourceModel("import.rejected", DeploymentPage.this)
                        .setParameters(r.line(), r.reason()).getString()));
                coverage.detach();
            } catch (CartableException refused) {
                error(refused.getMessage());
            }
        }
    }

    @Override
    protected void onDetach() {
        coverage.detach();
        history.detach();
        super.onDetach();
    }
}
