package io.digiready.collector;

/** Entry point of the digiready collector jar. */
public final class CollectorMain {
  private CollectorMain() {}

  public static void main(String[] args) {
    String version = CollectorMain.class.getPackage().getImplementationVersion();
    if (args.length == 1 && args[0].equals("--version")) {
      System.out.println("digiready-collector " + (version == null ? "dev" : version));
      return;
    }
    System.err.println("usage: digiready-collector --version");
    System.exit(2);
  }
}
