/** Layout of the console shell around SLDS (the components themselves get SLDS only). */
export const CONSOLE_CSS = `
html, body { height: 100%; margin: 0; background: #b0c4df; }
body { padding-bottom: 2.5rem; }
.harness-header.slds-global-header_container { position: static; }
.harness-header .slds-global-header { position: static; height: auto; padding: 0.5rem 1rem; align-items: center; }
.harness-header .slds-select { width: auto; }
.harness-row { display: flex; gap: 0.5rem; align-items: center; flex-wrap: wrap; margin: 0.25rem 0; }
.harness-muted { color: #5c5c5c; }
.harness-workspace { display: grid; grid-template-columns: repeat(3, minmax(0, 1fr)); gap: 0.75rem; padding: 0.75rem; padding-right: 25rem; }
.harness-card { margin: 0 !important; }
.harness-presence { font-size: 1.25rem; font-weight: 700; margin: 0.25rem 0 0.5rem; }
.harness-log { max-height: 11rem; overflow: auto; font-size: 0.7rem; background: #f3f3f3; border-radius: 0.25rem; padding: 0.25rem 0.5rem; margin-top: 0.5rem; }
.harness-log li { white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.harness-toasts { position: fixed; top: 0.5rem; left: 50%; transform: translateX(-50%); z-index: 9000; }
.harness-utility-bar { position: fixed; left: 0; right: 0; bottom: 0; z-index: 100; }
.harness-utility-bar .slds-utility-bar { background: #fff; border-top: 1px solid #c9c9c9; height: 2.5rem; display: flex; align-items: stretch; padding-left: 0.5rem; }
.harness-utility-bar .slds-utility-bar__action { display: flex; align-items: center; gap: 0.4rem; padding: 0 0.75rem; height: 100%; }
.harness-utility-panel { position: fixed; left: 0.5rem; bottom: 2.5rem; width: 24rem; height: min(38rem, calc(100vh - 6rem)); background: #fff; border: 1px solid #c9c9c9; border-bottom: none; border-radius: 0.25rem 0.25rem 0 0; box-shadow: 0 -2px 6px rgba(0,0,0,.16); display: flex; flex-direction: column; transform: none; }
.harness-utility-panel[hidden] { display: none; }
.harness-utility-panel .slds-utility-panel__header { padding: 0.5rem 0.75rem; border-bottom: 1px solid #e5e5e5; align-items: center; }
.harness-utility-panel .slds-utility-panel__body { flex: 1; overflow: auto; }
.harness-workspace { padding-left: 25.25rem; padding-right: 0.75rem; }
.harness-record { padding: 0.75rem; }
.harness-record .slds-page-header { border-radius: 0.25rem; }
`;
