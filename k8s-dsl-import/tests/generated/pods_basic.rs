// `tests/corpus/pods/basic.yaml`, imported by `k8s-dsl-import`.

use k8s_dsl::prelude::*;

/// The objects of `tests/corpus/pods/basic.yaml`, in file order.
pub fn objects() -> Result<Vec<Object>, Box<dyn std::error::Error>> {
    Ok(vec![
        // Pod `basic` (document 1)
        Pod::new("basic")
            .namespace("demo")
            .label("app", "basic")
            .label("tier", "web")
            .annotation(
                "description",
                "a pod with: colons, \"quotes\" and a\nnewline",
            )
            .annotation("team", "platform")
            .container(
                Container::new("web")
                    .image("nginx:1.27")
                    .image_pull_policy(ImagePullPolicy::IfNotPresent)
                    .command(["nginx"])
                    .args(["-g", "daemon off;"])
                    .working_dir("/usr/share/nginx")
                    .port(ContainerPort::tcp(80).name("http"))
                    .port(ContainerPort::udp(53).name("dns"))
                    .port(ContainerPort::new(9000))
                    .port(
                        ContainerPort::sctp(8443)
                            .host_port(8443)
                            .host_ip("127.0.0.1"),
                    )
                    .readiness_probe(Probe::http_get("/", "http"))
                    .termination_message_policy(TerminationMessagePolicy::FallbackToLogsOnError)
                    .termination_message_path("/dev/termination-log")
                    .stdin(true)
                    .stdin_once(true)
                    .tty(true),
            )
            .build()?
            .into(),
    ])
}
