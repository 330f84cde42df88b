// Command etcd is the etcd server, built from the published go.etcd.io/etcd/server/v3 module so the
// etcd repository's root module (and its local replace directives) is not needed.
package main

import (
	"os"

	"go.etcd.io/etcd/server/v3/etcdmain"
)

func main() {
	etcdmain.Main(os.Args)
}
