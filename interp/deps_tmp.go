package interp
import _ "github.com/cockroachdb/apd/v3"
