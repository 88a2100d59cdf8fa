package org.cartable.web.internal;

import javax.servlet.http.HttpServletRequest;

import org.apache.wicket.core.request.handler.RenderPageRequestHandler;
import org.apache.wicket.request.Url;
import org.apache.wicket.request.cycle.RequestCycle;
import org.apache.wicket.request.handler.render.WebPageRenderer;
import org.apache.wicket.util.string.Strings;
import org.cartable.web.internal.pages.DashboardPage;

/**
 * Answers a plain GET of the dashboard's own address ({@code /app/}, {@code /app/?feed=blog}) with the rendered page
 * (200), instead of Wicket's default "redirect to buffer": render, keep the HTML in the application's buffer, answer
 * 302 to {@code /app/?N}, then serve the buffer on the second request. The dashboard is where every visit lands
 * (sign-in, the home link), so that is one round trip and one buffered copy of the page less per visit.
 *
 * <p>Everything else keeps the default: form posts still redirect after the post (no re-submission on refresh),
 * listener URLs ({@code ?0-1.-...}) still redirect to the page's own URL, Ajax is untouched. The dashboard is
 * stateless (its forms name what they act on), so nothing of it is stored; cross-site posts are still refused by the
 * resource isolation listener, which does not depend on how the page was answered.
 */
final class OnePassDashboardRenderer extends WebPageRenderer {

    OnePassDashboardRenderer(RenderPageRequestHandler handler) {
        super(handler);
    }

    @Override
    protected boolean shouldRenderPageAndWriteResponse(RequestCycle cycle, Url currentUrl, Url targetUrl) {
        return super.shouldRenderPageAndWriteResponse(cycle, currentUrl, targetUrl) || isPlainGetOfTheDashboard(cycle);
    }

    private boolean isPlainGetOfTheDashboard(RequestCycle cycle) {
        if (isAjax(cycle) || getRedirectPolicy() == RenderPageRequestHandler.RedirectPolicy.ALWAYS_REDIRECT
                || getPageProvider().getPageClass() != DashboardPage.class
                || !(cycle.getRequest().getContainerRequest() instanceof HttpServletRequest http)
                || !"GET".equalsIgnoreCase(http.getMethod())) {
            return false;
        }
        // Wicket's page and listener coordinates travel as a query parameter without value (?3, ?0-1.-header-...).
        return cycle.getRequest().getUrl().getQueryParameters().stream()
                .noneMatch(parameter -> Strings.isEmpty(parameter.getValue()));
    }
}
