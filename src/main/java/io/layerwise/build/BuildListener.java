package io.layerwise.build;

/** Hears how a build goes, for a progress bar; the library itself never prints. */
public interface BuildListener {

  /** A build of {@code steps} steps (one per sheet or handout to make) begins. */
  void started(int steps);

  /** One more step is done. @param done steps done so far @param what the step just done */
  void stepped(int done, String what);

  /** Hears nothing. */
  BuildListener NONE = new BuildListener() {
    @Override
    public void started(int steps) {}

    @Override
    public void stepped(int done, String what) {}
  };
}
