package dev.attend.asr.models;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Reads the model list from its address, at most {@link VoskModelManager#LIST_LIMIT} bytes, with clear errors. */
final class CatalogFetch {

    private CatalogFetch() {
    }

    static VoskModelCatalog fetch(HttpClient http, URI catalogUrl, Duration headerTimeout) throws IOException {
        HttpRequest req = HttpRequest.newBuilder(catalogUrl).GET().header("Accept", "application/json")
                .timeout(headerTimeout).build();
        HttpResponse<InputStream> resp;
        try {
            resp = ModelDownloader.send(http, req, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("refreshing the model list was interrupted", e);
        } catch (IOException e) {
            throw new IOException("cannot reach " + catalogUrl + " (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage())
                    + "); the installed list stays in use", e);
        }
        try (InputStream body = resp.body()) {
            if (resp.statusCode() != 200) {
                throw new IOException("refreshing the model list failed: " + catalogUrl + " answered HTTP "
                        + resp.statusCode() + "; the installed list stays in use");
            }
            // the official list is ~20 KB; an endless or huge body must not fill the heap
            return VoskModelCatalog.parse(new LimitedInputStream(body, VoskModelManager.LIST_LIMIT,
                    "the model list from " + catalogUrl), catalogUrl.toString());
        }
    }
}
