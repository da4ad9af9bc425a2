fn main() {
    let _pod = k8s_dsl::pod! {
        name: "web",
        containers: [ {
            name: "app",
            image: "nginx:1.27",
            securityContext: {
                allowPrivilegeEscalation: false,
                capabilities: { add: ["NET_ADMIN", "CAP_SYS_ADMIN"] },
            },
        } ],
    };
}
