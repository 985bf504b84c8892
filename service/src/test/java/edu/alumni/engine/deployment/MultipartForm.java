package edu.alumni.engine.deployment;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** A multipart/form-data body as Camunda Modeler sends it to {@code POST /engine-rest/deployment/create}. */
public final class MultipartForm {

  public static final String DEPLOYMENT_CREATE = "/engine-rest/deployment/create";

  private final String boundary = "----alumni-test-" + UUID.randomUUID();
  private final ByteArrayOutputStream body = new ByteArrayOutputStream();

  /** A deployment as the Modeler makes it: its name and source, then the files added. */
  public static MultipartForm deployment(String name) {
    return new MultipartForm().field("deployment-name", name).field("deployment-source", "Camunda Modeler");
  }

  public MultipartForm field(String name, String value) {
    write("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n");
    return this;
  }

  public MultipartForm file(String fileName, String content) {
    write("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileName + "\"; filename=\"" + fileName
        + "\"\r\nContent-Type: application/octet-stream\r\n\r\n" + content + "\r\n");
    return this;
  }

  public String contentType() {
    return "multipart/form-data; boundary=" + boundary;
  }

  public byte[] body() {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    all.writeBytes(body.toByteArray());
    all.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return all.toByteArray();
  }

  private void write(String text) {
    body.writeBytes(text.getBytes(StandardCharsets.UTF_8));
  }
}
