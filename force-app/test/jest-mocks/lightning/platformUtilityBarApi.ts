/*
 * Jest mock of lightning/platformUtilityBarApi (sfdx-lwc-jest ships no stub for it). Every method is a
 * jest.fn resolving like the platform; EnclosingUtilityId is a test wire adapter: `EnclosingUtilityId.emit(id)`.
 */
import { createTestWireAdapter } from '@salesforce/wire-service-jest-util';

export const EnclosingUtilityId = createTestWireAdapter(jest.fn());

export const updateUtility = jest.fn().mockResolvedValue(true);
export const getInfo = jest.fn().mockResolvedValue({});
export const getAllUtilityInfo = jest.fn().mockResolvedValue([]);
export const open = jest.fn().mockResolvedValue(true);
export const minimize = jest.fn().mockResolvedValue(true);
export const updatePanel = jest.fn().mockResolvedValue(true);
export const enableModal = jest.fn().mockResolvedValue(true);
export const enablePopout = jest.fn().mockResolvedValue(true);
export const onUtilityClick = jest.fn().mockResolvedValue(true);
