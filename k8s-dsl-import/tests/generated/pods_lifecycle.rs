// `tests/corpus/pods/lifecycle.yaml`, imported by `k8s-dsl-import`.

use k8s_dsl::prelude::*;

/// The objects of `tests/corpus/pods/lifecycle.yaml`, in file order.
pub fn objects() -> Result<Vec<Object>, Box<dyn std::error::Error>> {
    Ok(vec![
        // Pod `lifecycle-demo` (document 1)
        Pod::new("lifecycle-demo")
            .container(
                Container::new("web")
                    .image("nginx:1.27")
                    .port(ContainerPort::new(80).name("http"))
                    .readiness_probe(Probe::http_get("/", "http"))
                    .post_start(Handler::exec([
                        "/bin/sh",
                        "-c",
                        "echo Hello from the postStart handler > /usr/share/message",
                    ]))
                    .pre_stop(Handler::sleep(Duration::seconds(15))),
            )
            .container(
                Container::new("notifier")
                    .image("example/notifier:1.0")
                    .post_start(Handler::tcp_socket(9090))
                    .pre_stop(
                        Handler::http_get("/shutdown", 9090)
                            .http_scheme(Scheme::Http)
                            .http_header("X-Reason", "pod-stopping"),
                    ),
            )
            .termination_grace_period(Duration::minutes(1))
            .build()?
            .into(),
    ])
}
