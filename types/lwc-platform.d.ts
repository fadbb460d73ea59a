// Platform modules that @salesforce/lightning-types 0.8.0 does not declare.
// Keep these minimal: they describe only what this project uses.
declare module '@salesforce/label/*' {
    const label: string;
    export default label;
}
declare module '@salesforce/resourceUrl/*' {
    const url: string;
    export default url;
}
declare module '@salesforce/apex/*' {
    const apexMethod: (params?: Record<string, unknown>) => Promise<unknown>;
    export default apexMethod;
}
declare module '@salesforce/schema/*' {
    const field: { fieldApiName: string; objectApiName: string };
    export default field;
}
declare module '@salesforce/messageChannel/*' {
    const channel: symbol;
    export default channel;
}
declare module '@salesforce/user/Id' {
    const userId: string;
    export default userId;
}
