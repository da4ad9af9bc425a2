fn main() {
    let _pod = k8s_dsl::pod! {
        name: "web",
        containers: [ {
            name: "app",
            image: "nginx:1.27",
            livenessProbe: { tcpSocket: { port: 80 }, successThreshold: 2 },
        } ],
    };
}
