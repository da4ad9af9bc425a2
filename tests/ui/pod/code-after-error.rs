// A macro that reports an error leaves the code after it reachable: no `unreachable statement`
// warning over the call, only the error itself.
fn main() {
    let pod = k8s_dsl::pod! {
        name: "Web",
        containers: [ { name: "app", image: "nginx:1.27" } ],
    };
    let yaml = pod.build().map(|p| p.metadata.name);
    println!("{yaml:?}");
}
