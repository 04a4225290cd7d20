package vn.directivetracker.mail;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * The demo's own SMTP server (GreenMail, in the application's process, on 127.0.0.1 only): it accepts
 * every mail, so the demo shows the notices without a real mail server; the mail view page shows
 * what was sent. Only in the demo profile, unless {@code directive-tracker.mail.demo-server.enabled} is false.
 */
@Component
@Profile("demo")
public class DemoMailServer implements InitializingBean, DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(DemoMailServer.class);
  private final MailSettings settings;
  private GreenMail server;

  public DemoMailServer(MailSettings settings) {
    this.settings = settings;
  }

  @Override
  public void afterPropertiesSet() {
    if (!settings.demoServer()) {
      return;
    }
    try {
      server = new GreenMail(new ServerSetup(settings.demoServerPort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
      server.start();
    } catch (RuntimeException e) {
      // a second demo on the same machine: its mails wait and then raise incidents, the demo still runs
      log.warn("Demo mail server not started on 127.0.0.1:{}: {}", settings.demoServerPort(), e.toString());
      server = null;
    }
  }

  /** How many mails the demo server has received. */
  public int received() {
    return server == null ? 0 : server.getReceivedMessages().length;
  }

  @Override
  public void destroy() {
    if (server != null) {
      server.stop();
    }
  }
}
