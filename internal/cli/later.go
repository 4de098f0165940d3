package cli

import "github.com/spf13/cobra"

// addLaterCommands adds the commands that live in their own files.
func (a *App) addLaterCommands(root *cobra.Command) {
	root.AddCommand(a.formCmd(), a.importCmd())
}
